/**
 * The admin API of 图文直播 (`/campaign-desk/lives…`): what the 图文直播 page sends and reads.
 * The controller parses both with these schemas; the page reads its types from here.
 */
import { LIVE_ENTRY_KINDS, LIVE_ENTRY_STATES, LIVE_STATES, keysOf } from '@campaign-desk/shared';
import { z } from 'zod';

const liveStateSchema = z.enum(keysOf(LIVE_STATES));

/** `POST /lives/:documentId/entries`: a new entry, waiting for a 值班编辑. Checked again, with Chinese messages, by the live's rules. */
export const entryInputSchema = z
  .object({
    kind: z.enum(keysOf(LIVE_ENTRY_KINDS)),
    text: z.string().max(2000),
    videoUrl: z.string().max(1000).nullable().optional(),
    speaker: z.string().max(100).nullable().optional(),
    pinned: z.boolean().optional(),
    correction: z.boolean().optional(),
  })
  .strict();

/** `PUT /lives/:documentId/state`: the live moves on (预告 → 直播中 → 已结束), published at once. */
export const liveStateInputSchema = z.object({ state: liveStateSchema }).strict();

export const liveSummarySchema = z.object({
  documentId: z.string(),
  title: z.string(),
  state: liveStateSchema,
  published: z.boolean(),
  event: z.string().nullable(),
  awaiting: z.number().int(),
  cleared: z.number().int(),
  /** Whether readers may send questions while it is on air (网友提问, the live record's switch). */
  questions: z.boolean(),
});

export const liveEntryItemSchema = z.object({
  documentId: z.string(),
  kind: z.enum(keysOf(LIVE_ENTRY_KINDS)),
  text: z.string(),
  videoUrl: z.string().nullable(),
  speaker: z.string().nullable(),
  photoUrl: z.string().nullable(),
  pinned: z.boolean(),
  correction: z.boolean(),
  state: z.enum(keysOf(LIVE_ENTRY_STATES)),
  writer: z.string().nullable(),
  approver: z.string().nullable(),
  createdAt: z.string(),
  postedAt: z.string().nullable(),
  /** The reader's question it answers (网友提问), and their nickname (null: 网友). */
  question: z.object({ text: z.string(), asker: z.string().nullable() }).nullable(),
  /** Whether the asking user may approve it now (值班编辑, and not its writer unless allowed). */
  approvable: z.boolean(),
});

/** A reader's question waiting for the 值班编辑 (网友提问), with the sensitive words it holds. */
export const liveQuestionItemSchema = z.object({
  documentId: z.string(),
  text: z.string(),
  nickname: z.string().nullable(),
  flags: z.array(z.string()),
  createdAt: z.string(),
});

/** `POST /live-questions/:documentId/answer`: the answer, a new entry waiting for approval. */
export const answerInputSchema = z.object({ text: z.string().max(2000) }).strict();

export const liveDeskSchema = z.object({
  live: liveSummarySchema,
  entries: z.array(liveEntryItemSchema),
  /** Readers' questions waiting, oldest first (only a 值班编辑 is shown them). */
  questions: z.array(liveQuestionItemSchema),
  /** Whether the asking user is a 值班编辑. */
  approver: z.boolean(),
});

export const roundupSchema = z.object({ storyId: z.string(), title: z.string() });

export type EntryInput = z.infer<typeof entryInputSchema>;
export type LiveSummary = z.infer<typeof liveSummarySchema>;
export type LiveEntryItem = z.infer<typeof liveEntryItemSchema>;
export type LiveDesk = z.infer<typeof liveDeskSchema>;
export type LiveQuestionItem = z.infer<typeof liveQuestionItemSchema>;
export type Roundup = z.infer<typeof roundupSchema>;
