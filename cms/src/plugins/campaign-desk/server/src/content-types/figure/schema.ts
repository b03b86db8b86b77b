import { CONTENT_TYPES, UID } from '../../../../common/names';
import { editedInContentManager, sample, slug } from '../attributes';

export default {
  kind: 'collectionType',
  collectionName: 'campaign_desk_figures',
  info: {
    ...CONTENT_TYPES.figure.info,
    description: '先进典型，如唐光友同志',
  },
  options: {
    draftAndPublish: true,
  },
  pluginOptions: editedInContentManager,
  attributes: {
    name: {
      type: 'string',
      required: true,
      maxLength: 50,
    },
    slug,
    portrait: {
      type: 'media',
      multiple: false,
      allowedTypes: ['images'],
    },
    role: {
      type: 'string',
      maxLength: 100,
    },
    unit: {
      type: 'string',
      maxLength: 100,
    },
    place: {
      type: 'relation',
      relation: 'manyToOne',
      target: UID.place,
    },
    summary: {
      type: 'text',
      required: true,
      maxLength: 500,
    },
    biography: {
      type: 'blocks',
    },
    qualities: {
      type: 'text',
    },
    sample,
  },
};
