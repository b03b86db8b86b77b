import { SLUG_PATTERN } from '@campaign-desk/shared';

export default {
  kind: 'collectionType',
  collectionName: 'campaign_desk_places',
  info: {
    singularName: 'place',
    pluralName: 'places',
    displayName: '地区',
    description: '咸宁市及所辖县市区（由系统预置）',
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
    slug: {
      type: 'string',
      unique: true,
      maxLength: 80,
      regex: SLUG_PATTERN.source,
      required: true,
    },
    name: {
      type: 'string',
      required: true,
      unique: true,
    },
    order: {
      type: 'integer',
      required: true,
    }
  },
};
