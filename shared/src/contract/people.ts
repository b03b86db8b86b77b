/** People the campaign holds up: 先进人物, 好人好事, and readers' adopted suggestions. */
import { z } from 'zod';
import { blocksSchema } from '../blocks';
import { SUGGESTION_TOPICS, keysOf } from '../taxonomy';
import { calendarDateSchema, documentIdSchema, imageSchema, published, sample, slugSchema } from './fields';

export const figureSchema = z.object({
  type: z.literal('figure'),
  ...published,
  slug: slugSchema,
  name: z.string().min(1),
  portrait: imageSchema.nullable(),
  role: z.string().nullable(),
  unit: z.string().nullable(),
  placeId: documentIdSchema.nullable(),
  summary: z.string().min(1),
  biography: blocksSchema,
  qualities: z.array(z.string().min(1)),
  sample,
});

export const goodDeedSchema = z.object({
  type: z.literal('goodDeed'),
  ...published,
  title: z.string().min(1),
  doer: z.string().min(1),
  unit: z.string().nullable(),
  date: calendarDateSchema,
  placeId: documentIdSchema.nullable(),
  description: z.string().min(1),
  photo: imageSchema.nullable(),
  figureId: documentIdSchema.nullable(),
  /** Reported by a reader through the site's form and accepted by the newsroom, not written by it. */
  reportedByPublic: z.boolean(),
  sample,
});

/** A reader's suggestion (建言献策) the newsroom adopted, with its reply (回复). Never any contact. */
export const suggestionSchema = z.object({
  type: z.literal('suggestion'),
  ...published,
  topic: z.enum(keysOf(SUGGESTION_TOPICS)),
  text: z.string().min(1).max(2000),
  /** The name the reader chose to show; null shows them as 热心读者. */
  name: z.string().min(1).max(30).nullable(),
  reply: z.string().min(1).max(2000),
  /** When the reader sent it and when the newsroom replied (Asia/Shanghai dates). */
  receivedOn: calendarDateSchema,
  repliedOn: calendarDateSchema,
  sample,
});

export type Figure = z.infer<typeof figureSchema>;
export type GoodDeed = z.infer<typeof goodDeedSchema>;
export type Suggestion = z.infer<typeof suggestionSchema>;
