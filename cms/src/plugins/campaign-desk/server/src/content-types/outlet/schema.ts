import { OUTLET_LEVELS, OUTLET_MEDIA, keysOf } from '@campaign-desk/shared';
import { CONTENT_TYPES } from '../../../../common/names';
import { editedInContentManager, httpUrl, sample, slug } from '../attributes';

export default {
  kind: 'collectionType',
  collectionName: 'campaign_desk_outlets',
  info: {
    ...CONTENT_TYPES.outlet.info,
    description: '央媒、省媒、市媒和县级媒体',
  },
  options: {
    draftAndPublish: false,
  },
  pluginOptions: editedInContentManager,
  attributes: {
    name: {
      type: 'string',
      required: true,
      unique: true,
      maxLength: 100,
    },
    shortName: {
      type: 'string',
      maxLength: 30,
    },
    slug,
    level: {
      type: 'enumeration',
      enum: keysOf(OUTLET_LEVELS),
      required: true,
    },
    medium: {
      type: 'enumeration',
      enum: keysOf(OUTLET_MEDIA),
      required: true,
    },
    homepage: httpUrl,
    runsCampaignColumn: {
      type: 'boolean',
      default: false,
    },
    /** On the target list of 全覆盖 (central and provincial mainstream media): the coverage figures measure against it. */
    countsTowardCoverage: {
      type: 'boolean',
      default: false,
    },
    sample,
  },
};
