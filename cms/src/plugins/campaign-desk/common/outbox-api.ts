/**
 * The admin API that shows the publish-event outbox and the delivery state of each event
 * (`GET /campaign-desk/outbox`), and sends a delivery given up on again
 * (`POST /campaign-desk/outbox/deliveries/:id/redeliver`): what they accept and what they
 * answer. The controller parses both with these schemas; the 发布事件 page reads its
 * answers' types from here.
 */
import { z } from 'zod';
import { PUBLISH_EVENT_TYPES, keysOf, recordTypeSchema } from '@campaign-desk/shared';

/**
 * pending: not tried yet; delivered; failing: tried, and tried again later; failed: given up
 * on after too many attempts or too long (see the outbox config), until someone redelivers it.
 */
export const DELIVERY_STATUSES = [
  { key: 'pending', name: '待推送' },
  { key: 'delivered', name: '已送达' },
  { key: 'failing', name: '推送失败，等待重试' },
  { key: 'failed', name: '失败' },
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]['key'];
const STATUS_KEYS = keysOf(DELIVERY_STATUSES);
/** The states in which a delivery is still tried. */
export const RETRIED_STATUSES = ['pending', 'failing'] as const satisfies readonly DeliveryStatus[];

export const outboxQuerySchema = z
  .object({
    /** How many of the most recent events to list. */
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** Only events with a delivery in this state, e.g. the failing ones. */
    status: z.enum(STATUS_KEYS).optional(),
  })
  .strict();

const instant = z.string().datetime({ offset: true });

export const deliveryStateSchema = z.object({
  /** What a redelivery names. */
  id: z.number().int().positive(),
  hook: z.string(),
  status: z.enum(STATUS_KEYS),
  attempts: z.number().int().min(0),
  /** When a pending or failing delivery is tried next. */
  nextAttemptAt: instant.nullable(),
  /** When it was queued: with its event, or when it was last redelivered. */
  queuedAt: instant.nullable(),
  lastError: z.string().nullable(),
  deliveredAt: instant.nullable(),
});

export const outboxReportSchema = z.object({
  /** Deliveries by state, over the whole outbox. */
  counts: z.object(Object.fromEntries(STATUS_KEYS.map((status) => [status, z.number().int()])) as Record<DeliveryStatus, z.ZodNumber>),
  /** Names of the build hooks configured now (not their URLs, which may carry tokens). */
  hooks: z.array(z.string()),
  /** Whether the user asking may redeliver a failed delivery (重新投递). */
  mayRedeliver: z.boolean(),
  /** Most recent first. */
  events: z.array(
    z.object({
      id: z.string().uuid(),
      type: z.enum(PUBLISH_EVENT_TYPES),
      recordType: recordTypeSchema,
      contentType: z.string(),
      documentId: z.string(),
      slug: z.string().nullable(),
      occurredAt: instant,
      deliveries: z.array(deliveryStateSchema),
    }),
  ),
});

/** The delivery a redelivery names, from the path. */
export const redeliveryParamsSchema = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) }).strict();

export type OutboxQuery = z.infer<typeof outboxQuerySchema>;
export type DeliveryState = z.infer<typeof deliveryStateSchema>;
export type OutboxReport = z.infer<typeof outboxReportSchema>;
