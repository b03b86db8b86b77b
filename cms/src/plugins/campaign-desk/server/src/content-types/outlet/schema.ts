import { OUTLET_LEVELS, OUTLET_MEDIA, SLUG_PATTERN, keysOf } from '@campaign-desk/shared';

export default {
  kind: 'collectionType',
  collectionName: 'campaign_desk_outlets',
  info: {
    singularName: 'outlet',
    pluralName: 'outlets',
    displayName: '媒体',
    description: '央媒、省媒、市媒和县级媒体',
  },
  options: {
    draftAndPublish: false,
  },
  pluginOptions: {
    'content-manager': {
      visible: true,
    },
    'content-type-builder': {
      visible: false,
    }
  },
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
    slug: {
      type: 'string',
      unique: true,
      maxLength: 80,
      regex: SLUG_PATTERN.source,
    },
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
    homepage: {
      type: 'string',
      maxLength: 1000,
      regex: '^https?://\\S+$',
    },
    runsCampaignColumn: {
      type: 'boolean',
      default: false,
    }
  },
};
