import { CONTENT_TYPES, UID } from '../../../../common/names';
import { editedInContentManager, sample } from '../attributes';

export default {
  kind: 'collectionType',
  collectionName: 'campaign_desk_good_deeds',
  info: {
    ...CONTENT_TYPES.goodDeed.info,
    description: '“接力唐光友，为民做好事”的一件好事',
  },
  options: {
    draftAndPublish: true,
  },
  pluginOptions: editedInContentManager,
  attributes: {
    title: {
      type: 'string',
      required: true,
      maxLength: 100,
    },
    doer: {
      type: 'string',
      required: true,
      maxLength: 100,
    },
    unit: {
      type: 'string',
      maxLength: 100,
    },
    date: {
      type: 'date',
      required: true,
    },
    place: {
      type: 'relation',
      relation: 'manyToOne',
      target: UID.place,
    },
    description: {
      type: 'text',
      required: true,
    },
    photo: {
      type: 'media',
      multiple: false,
      allowedTypes: ['images'],
    },
    figure: {
      type: 'relation',
      relation: 'manyToOne',
      target: UID.figure,
    },
    /** Reported by a reader through the site's form (群众报告), shown as such. */
    reportedByPublic: {
      type: 'boolean',
      default: false,
    },
    sample,
  },
};
