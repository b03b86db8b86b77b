import { CONTENT_TYPES } from '../../../../common/names';
import { keysOf } from '@campaign-desk/shared';
import { DELIVERY_STATUSES } from '../../../../common/outbox-api';
import { internal } from '../attributes';

/**
 * One event to one build hook. A worker claims due rows with a lease (`claimedUntil`), so
 * several Strapi instances share the work and a crashed one's claims come back when it ends.
 * The event is referenced by its id rather than a relation: claims are plain-column SQL.
 * A delivery tried too often or too long is given up on (`failed`) and stays, shown on the
 * 发布事件 page, until someone redelivers it: nothing is dropped.
 */
export default {
  kind: 'collectionType',
  collectionName: 'campaign_desk_outbox_deliveries',
  info: {
    ...CONTENT_TYPES.outboxDelivery.info,
    description: '发布事件到各构建钩子的推送状态',
  },
  options: {
    draftAndPublish: false,
  },
  pluginOptions: internal,
  indexes: [
    { name: 'campaign_desk_outbox_deliveries_event_hook', columns: ['event_id', 'hook'], type: 'unique' },
    { name: 'campaign_desk_outbox_deliveries_due', columns: ['status', 'next_attempt_at'] },
  ],
  attributes: {
    eventId: { type: 'string', required: true },
    hook: { type: 'string', required: true },
    status: { type: 'enumeration', enum: keysOf(DELIVERY_STATUSES), required: true, default: 'pending' },
    /** Attempts since it was queued (or redelivered). */
    attempts: { type: 'integer', required: true, default: 0 },
    nextAttemptAt: { type: 'datetime', required: true },
    /** When it was queued, or last redelivered: the age after which it is given up on counts from here. */
    queuedAt: { type: 'datetime' },
    lastError: { type: 'text' },
    deliveredAt: { type: 'datetime' },
    /** The worker that holds the row (or, once delivered, that delivered it). */
    claimedBy: { type: 'string' },
    claimedUntil: { type: 'datetime' },
  },
};
