/** 图文直播: live text coverage of an event, and its entries, each public once a 值班编辑 approved it. */
import { z } from 'zod';
import { LIVE_QUESTION_CHARS } from '../live-questions';
import { NICKNAME_MAX } from '../quiz';
import { LIVE_ENTRY_KINDS, LIVE_STATES, keysOf, nameOf } from '../taxonomy';
import { documentIdSchema, httpUrlSchema, imageSchema, instantSchema, published, sample, slugSchema, tracked } from './fields';

export const liveSchema = z.object({
  type: z.literal('live'),
  ...published,
  slug: slugSchema,
  title: z.string().min(1).max(200),
  eventId: documentIdSchema.nullable(),
  state: z.enum(keysOf(LIVE_STATES)),
  summary: z.string().nullable(),
  /** Whether readers may send questions from its page while it is on air (网友提问). */
  questions: z.boolean().default(false),
  sample,
});

/** What an entry of each kind must have beside its text. */
export const LIVE_ENTRY_NEEDS: Record<string, 'photo' | 'videoUrl' | 'speaker' | undefined> = {
  entry_photo: 'photo',
  entry_video: 'videoUrl',
  entry_quote: 'speaker',
};
const LIVE_ENTRY_FIELD_LABELS = { photo: '图片', videoUrl: '视频链接', speaker: '发言人' } as const;

/** One entry of a live (only approved entries are published). */
export const liveEntrySchema = z
  .object({
    type: z.literal('liveEntry'),
    ...tracked,
    liveId: documentIdSchema,
    kind: z.enum(keysOf(LIVE_ENTRY_KINDS)),
    text: z.string().min(1).max(2000),
    photo: imageSchema.nullable(),
    videoUrl: httpUrlSchema.nullable(),
    /** Who is quoted (引语). */
    speaker: z.string().min(1).max(100).nullable(),
    pinned: z.boolean(),
    /** A correction of what was said before, shown as 更正. */
    correction: z.boolean(),
    /** When it was approved: the time readers see, and the order of the page. */
    postedAt: instantSchema,
    /** The reader's question it answers (网友提问), with the nickname they gave (null: 网友). */
    question: z
      .object({ text: z.string().min(1).max(LIVE_QUESTION_CHARS.max), asker: z.string().min(1).max(NICKNAME_MAX).nullable() })
      .nullable()
      .default(null),
  })
  .superRefine((entry, ctx) => {
    const field = LIVE_ENTRY_NEEDS[entry.kind];
    if (field && entry[field] === null) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: [field],
        message: `${nameOf(LIVE_ENTRY_KINDS, entry.kind)}条目必须填写${LIVE_ENTRY_FIELD_LABELS[field]}（${field}）`,
      });
    }
  });

export type Live = z.infer<typeof liveSchema>;
export type LiveEntry = z.infer<typeof liveEntrySchema>;
