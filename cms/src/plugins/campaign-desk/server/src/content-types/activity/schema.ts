import { CONTENT_TYPES } from '../../../../common/names';
import { editedInContentManager, slug } from '../attributes';

export default {
  kind: 'collectionType',
  collectionName: 'campaign_desk_activities',
  info: {
    ...CONTENT_TYPES.activity.info,
    description: '大学习、大调研、大讨论、大统一、大转变、大落实（由系统预置）',
  },
  options: {
    draftAndPublish: false,
  },
  pluginOptions: editedInContentManager,
  attributes: {
    slug: { ...slug, required: true },
    name: {
      type: 'string',
      required: true,
      unique: true,
    },
    order: {
      type: 'integer',
      required: true,
    },
    description: {
      type: 'text',
    },
  },
};
