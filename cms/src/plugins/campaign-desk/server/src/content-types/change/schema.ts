import { CONTENT_TYPES } from '../../../../common/names';
import { internal } from '../attributes';

export default {
  kind: 'collectionType',
  collectionName: 'campaign_desk_changes',
  info: {
    ...CONTENT_TYPES.change.info,
    description: '已发布内容的变更序列，供快照增量同步',
  },
  options: {
    draftAndPublish: false,
  },
  pluginOptions: internal,
  attributes: {
    recordType: {
      type: 'string',
      required: true,
    },
    recordId: {
      type: 'string',
      required: true,
    },
    operation: {
      type: 'enumeration',
      enum: ['upsert', 'withdraw'],
      required: true,
    },
  },
};
