import { CONTENT_TYPES, UID } from '../../../../common/names';
import { editedInContentManager, slug } from '../attributes';

export default {
  kind: 'collectionType',
  collectionName: 'campaign_desk_columns',
  info: {
    ...CONTENT_TYPES.column.info,
    description: '专题专栏，如“接力唐光友，为民做好事”',
  },
  options: {
    draftAndPublish: true,
  },
  pluginOptions: editedInContentManager,
  attributes: {
    name: {
      type: 'string',
      required: true,
      unique: true,
      maxLength: 100,
    },
    slug,
    description: {
      type: 'text',
    },
    outlets: {
      type: 'relation',
      relation: 'manyToMany',
      target: UID.outlet,
    },
    cover: {
      type: 'media',
      multiple: false,
      allowedTypes: ['images'],
    },
    order: {
      type: 'integer',
      default: 0,
    },
    active: {
      type: 'boolean',
      default: true,
    },
  },
};
