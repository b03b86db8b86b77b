/**
 * The admin API of the coverage desk (`GET /campaign-desk/desk`): a person's own topics,
 * and the open topics due this week and overdue. The 报道统筹 page and the homepage widgets
 * read its types from here.
 */
import { TOPIC_STATUSES, keysOf } from '@campaign-desk/shared';
import { z } from 'zod';

export const deskTopicSchema = z.object({
  documentId: z.string(),
  title: z.string(),
  progress: z.enum(keysOf(TOPIC_STATUSES)),
  dueOn: z.string().nullable(),
  plan: z.string().nullable(),
  outlet: z.string().nullable(),
  column: z.string().nullable(),
  reporters: z.array(z.string()),
  stories: z.number().int(),
  sample: z.boolean(),
});

export type DeskTopic = z.infer<typeof deskTopicSchema>;

export const deskSchema = z.object({
  /** Today and the Sunday ending this week, in Asia/Shanghai. */
  today: z.string(),
  weekEnds: z.string(),
  /** The person's 采编人员 record, if the newsroom made one for their account. */
  staff: z.object({ name: z.string(), outlet: z.string().nullable() }).nullable(),
  /** Topics assigned to the person: open ones first, soonest due first. */
  mine: z.array(deskTopicSchema),
  /** Open topics due from today to Sunday, and open topics past their day. */
  dueThisWeek: z.array(deskTopicSchema),
  overdue: z.array(deskTopicSchema),
});

export type Desk = z.infer<typeof deskSchema>;
