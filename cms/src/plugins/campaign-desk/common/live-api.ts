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
  /** Whether the asking user may approve it now (值班编辑, and not its writer unless allowed). */
  approvable: z.boolean(),
});

export const liveDeskSchema = z.object({
  live: liveSummarySchema,
  entries: z.array(liveEntryItemSchema),
  /** Whether the asking user is a 值班编辑. */
  approver: z.boolean(),
});

export const roundupSchema = z.object({ storyId: z.string(), title: z.string() });

export type EntryInput = z.infer<typeof entryInputSchema>;
export type LiveSummary = z.infer<typeof liveSummarySchema>;
export type LiveEntryItem = z.infer<typeof liveEntryItemSchema>;
export type LiveDesk = z.infer<typeof liveDeskSchema>;
export type Roundup = z.infer<typeof roundupSchema>;
