import { SLUG_PATTERN } from '@campaign-desk/shared';

export default {
  kind: 'collectionType',
  collectionName: 'campaign_desk_columns',
  info: {
    singularName: 'column',
    pluralName: 'columns',
    displayName: '专栏',
    description: '专题专栏，如“接力唐光友，为民做好事”',
  },
  options: {
    draftAndPublish: true,
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
    slug: {
      type: 'string',
      unique: true,
      maxLength: 80,
      regex: SLUG_PATTERN.source,
    },
    description: {
      type: 'text',
    },
    outlets: {
      type: 'relation',
      relation: 'manyToMany',
      target: 'plugin::campaign-desk.outlet',
    },
    cover: {
      type: 'media',
      multiple: false,
      allowedTypes: [
        'images',
      ]
    },
    order: {
      type: 'integer',
      default: 0,
    },
    active: {
      type: 'boolean',
      default: true,
    }
  },
};
