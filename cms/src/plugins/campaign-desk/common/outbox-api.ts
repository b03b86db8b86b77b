/**
 * The admin API that shows the publish-event outbox and the delivery state of each event
 * (`GET /campaign-desk/outbox`): what it accepts and what it answers. The controller parses
 * both with these schemas; the 发布事件 page reads its answer's type from here.
 */
import { z } from 'zod';
import { PUBLISH_EVENT_TYPES, recordTypeSchema } from '@campaign-desk/shared';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failing'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const outboxQuerySchema = z
  .object({
    /** How many of the most recent events to list. */
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** Only events with a delivery in this state, e.g. the failing ones. */
    status: z.enum(DELIVERY_STATUSES).optional(),
  })
  .strict();

const instant = z.string().datetime({ offset: true });

export const deliveryStateSchema = z.object({
  hook: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int().min(0),
  /** When a pending or failing delivery is tried next. */
  nextAttemptAt: instant.nullable(),
  lastError: z.string().nullable(),
  deliveredAt: instant.nullable(),
});

export const outboxReportSchema = z.object({
  /** Deliveries by state, over the whole outbox. */
  counts: z.object({ pending: z.number().int(), delivered: z.number().int(), failing: z.number().int() }),
  /** Names of the build hooks configured now (not their URLs, which may carry tokens). */
  hooks: z.array(z.string()),
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

export type OutboxQuery = z.infer<typeof outboxQuerySchema>;
export type DeliveryState = z.infer<typeof deliveryStateSchema>;
export type OutboxReport = z.infer<typeof outboxReportSchema>;
