import { CONTENT_TYPES } from '../../../common/names';
import { NOTICE_KINDS } from '../../../common/notices-api';
import { internal } from '../content-types/attributes';

/** One notice to one admin account (notices.ts): written by the plugin, read by its recipient. */
export default {
  schema: {
    kind: 'collectionType',
    collectionName: 'campaign_desk_notices',
    info: {
      ...CONTENT_TYPES.notice.info,
      description: '稿件到了你该处理的环节、被退回、已发布或发布失败时给你的通知',
    },
    options: {
      draftAndPublish: false,
    },
    pluginOptions: internal,
    attributes: {
      /** The admin account told; a plain value, as the review log keeps its actors. */
      recipientId: { type: 'integer', required: true },
      kind: { type: 'enumeration', enum: NOTICE_KINDS.map((kind) => kind.key), required: true },
      storyId: { type: 'string', required: true },
      storyTitle: { type: 'string', required: true },
      text: { type: 'text', required: true },
      readAt: { type: 'datetime' },
    },
  },
};
