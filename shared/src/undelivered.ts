/**
 * What the CMS answers about publish events it has not delivered (the plugin's
 * `GET /api/campaign-desk/undelivered`, readable with the site's read-only token): the
 * publisher asks it when its `/status` is read, so an operator looking at the site's side
 * learns that events are stuck on the CMS's side.
 */
import { z } from 'zod';
import { instantSchema } from './contract';

export const undeliveredReportSchema = z
  .object({
    /** Deliveries given up on (失败): they wait for someone to redeliver them on the 发布事件 page. */
    failed: z.number().int().min(0),
    /** Deliveries still being tried, queued longer ago than `overdueAfterMs`. */
    overdue: z.number().int().min(0),
    overdueAfterMs: z.number().int().min(0),
    /** When the oldest delivery not yet made (failed, overdue or not) was queued. */
    oldestQueuedAt: instantSchema.nullable(),
  })
  .strict();

export type UndeliveredReport = z.infer<typeof undeliveredReportSchema>;
