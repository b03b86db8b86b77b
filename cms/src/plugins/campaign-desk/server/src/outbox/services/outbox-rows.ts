/** The outbox's rows as stored, and as the 发布事件 page and the workers read them. */
import { publishEventSchema, type PublishEvent, type RecordType } from '@campaign-desk/shared';
import { RETRIED_STATUSES, type DeliveryState, type DeliveryStatus } from '../../../../common/outbox-api';

export interface EventRow {
  eventId: string;
  type: PublishEvent['type'];
  recordType: RecordType;
  contentType: string;
  recordId: string;
  slug: string | null;
  occurredAt: string;
}

export interface DeliveryRow {
  id: number;
  eventId: string;
  hook: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string;
  queuedAt: string | null;
  lastError: string | null;
  deliveredAt: string | null;
}

export function stateOf(row: DeliveryRow): DeliveryState {
  return {
    id: row.id,
    hook: row.hook,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: (RETRIED_STATUSES as readonly DeliveryStatus[]).includes(row.status) ? row.nextAttemptAt : null,
    queuedAt: row.queuedAt,
    lastError: row.lastError,
    deliveredAt: row.deliveredAt,
  };
}

export function eventOf(row: EventRow): PublishEvent {
  return publishEventSchema.parse({
    id: row.eventId,
    type: row.type,
    recordType: row.recordType,
    contentType: row.contentType,
    documentId: row.recordId,
    slug: row.slug,
    occurredAt: row.occurredAt,
  });
}
