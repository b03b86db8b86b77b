/** The 《意见》 and its clauses, and the campaign's events (meetings, lectures) where it is adopted and explained. */
import { z } from 'zod';
import { EVENT_KINDS, LECTURE_AUDIENCES, LECTURE_GROUPS, keysOf } from '../taxonomy';
import { calendarDateSchema, documentIdSchema, instantSchema, published, sample, sampleDate, slugSchema } from './fields';

export const clauseSchema = z.object({
  documentId: documentIdSchema,
  /** The number as printed, e.g. “一、” or “（三）”. */
  label: z.string().min(1),
  heading: z.string().nullable(),
  text: z.string().min(1),
  order: z.number().int(),
  sample,
});

export const opinionSchema = z.object({
  type: z.literal('opinion'),
  ...published,
  slug: slugSchema,
  title: z.string().min(1),
  shortTitle: z.string().nullable(),
  summary: z.string().nullable(),
  adoptedOn: calendarDateSchema.nullable(),
  /** `adoptedOn` is a placeholder. */
  sampleDate,
  adoptedAtEventId: documentIdSchema.nullable(),
  /** Ordered by `order`; a clause keeps its documentId however the text is revised. */
  clauses: z.array(clauseSchema),
  sample,
});

export const eventSchema = z.object({
  type: z.literal('event'),
  ...published,
  slug: slugSchema,
  kind: z.enum(keysOf(EVENT_KINDS)),
  title: z.string().min(1),
  startsAt: instantSchema,
  endsAt: instantSchema.nullable(),
  /** `startsAt` and `endsAt` are placeholders (“具体日期以通知为准”). */
  sampleDate,
  venue: z.string().nullable(),
  placeId: documentIdSchema.nullable(),
  themeId: documentIdSchema.nullable(),
  lectureGroup: z.enum(keysOf(LECTURE_GROUPS)).nullable(),
  audiences: z.array(z.enum(keysOf(LECTURE_AUDIENCES))),
  speakers: z.array(z.string().min(1)),
  summary: z.string().nullable(),
  sample,
});

export type Clause = z.infer<typeof clauseSchema>;
export type Opinion = z.infer<typeof opinionSchema>;
export type CampaignEvent = z.infer<typeof eventSchema>;
