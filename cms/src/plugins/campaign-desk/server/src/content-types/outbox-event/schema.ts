import { CONTENT_TYPES } from '../../../../common/names';
import { internal } from '../attributes';

/**
 * A publish event, written in the same transaction as the change it announces, so an event
 * exists exactly when the change committed. Delivered to each build hook by the outbox.
 */
export default {
  kind: 'collectionType',
  collectionName: 'campaign_desk_outbox_events',
  info: {
    ...CONTENT_TYPES.outboxEvent.info,
    description: '发布、撤回和删除的事件，签名后推送给构建钩子',
  },
  options: {
    draftAndPublish: false,
  },
  pluginOptions: internal,
  indexes: [{ name: 'campaign_desk_outbox_events_event_id', columns: ['event_id'], type: 'unique' }],
  attributes: {
    eventId: { type: 'string', required: true },
    type: { type: 'enumeration', enum: ['publish', 'unpublish', 'delete'], required: true },
    recordType: { type: 'string', required: true },
    contentType: { type: 'string', required: true },
    recordId: { type: 'string', required: true },
    slug: { type: 'string' },
    occurredAt: { type: 'datetime', required: true },
  },
};
