/**
 * The admin API of the 群众来稿 page (`GET /campaign-desk/submissions`,
 * `POST /campaign-desk/submissions/:documentId/moderate`): what it accepts and answers. The
 * controller parses both with these schemas; the page reads its types and labels from here.
 */
import { z } from 'zod';
import { cleanText } from '@campaign-desk/shared';

export const SUBMISSION_KINDS = ['suggestion', 'goodDeed'] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

/** 待审核 → 已采纳 / 未采纳 (with a reason) / 已转为稿件 (a draft story made from it). */
export const SUBMISSION_STATUSES = ['pending', 'adopted', 'rejected', 'converted'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export const KIND_LABELS: Record<SubmissionKind, string> = { suggestion: '建言献策', goodDeed: '好人好事' };
export const STATUS_LABELS: Record<SubmissionStatus, string> = {
  pending: '待审核',
  adopted: '已采纳',
  rejected: '未采纳',
  converted: '已转为稿件',
};

export const submissionQuerySchema = z
  .object({
    status: z.enum(SUBMISSION_STATUSES).default('pending'),
    kind: z.enum(SUBMISSION_KINDS).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
  })
  .strict();

/** What a moderator writes, cleaned as readers' text is (it is published beside it). */
const note = (label: string, max: number, singleLine = false) =>
  z
    .string({ required_error: `请填写${label}` })
    .transform((value) => cleanText(value, { singleLine }))
    .pipe(z.string().min(2, `请填写${label}（至少 2 个字）`).max(max, `${label}最多 ${max} 个字`));

/** One moderation step; only a pending submission takes one. */
export const moderationSchema = z.discriminatedUnion('action', [
  z
    .object({
      action: z.literal('adopt'),
      /** The newsroom's reply, published beside an adopted suggestion (required for suggestions). */
      reply: note('回复', 2000).optional(),
      /** The title an adopted good deed is published under (required for good deeds). */
      title: note('标题', 100, true).optional(),
    })
    .strict(),
  z.object({ action: z.literal('reject'), reason: note('未采纳的原因', 500) }).strict(),
  z.object({ action: z.literal('convert') }).strict(),
]);

const instant = z.string().datetime({ offset: true });

export const submissionItemSchema = z.object({
  documentId: z.string(),
  kind: z.enum(SUBMISSION_KINDS),
  status: z.enum(SUBMISSION_STATUSES),
  receivedAt: instant,
  /** Sent by a browser that solved the proof-of-work challenge, or as the plain form. */
  proven: z.boolean(),
  topic: z.string().nullable(),
  text: z.string().nullable(),
  name: z.string().nullable(),
  doer: z.string().nullable(),
  place: z.string().nullable(),
  date: z.string().nullable(),
  figure: z.string().nullable(),
  /** `held`: not in the media library yet; `url` is then the admin API's path to it, read with the moderator's token. */
  photo: z.object({ url: z.string(), width: z.number().nullable(), height: z.number().nullable(), held: z.boolean() }).nullable(),
  /** Decrypted for moderators, to follow up; null once the retention period deleted it. */
  contact: z.string().nullable(),
  contactDeletedOn: z.string().nullable(),
  /** Sensitive words found in it. */
  flags: z.array(z.string()),
  moderatedAt: instant.nullable(),
  moderator: z.string().nullable(),
  reason: z.string().nullable(),
  reply: z.string().nullable(),
  /** The published suggestion or good deed it became. */
  publishedAs: z.string().nullable(),
  story: z.object({ documentId: z.string(), title: z.string() }).nullable(),
});

export const submissionListSchema = z.object({
  counts: z.record(z.enum(SUBMISSION_STATUSES), z.number().int()),
  items: z.array(submissionItemSchema),
  page: z.number().int(),
  pageCount: z.number().int(),
});

export type SubmissionQuery = z.infer<typeof submissionQuerySchema>;
export type Moderation = z.infer<typeof moderationSchema>;
export type SubmissionItem = z.infer<typeof submissionItemSchema>;
export type SubmissionList = z.infer<typeof submissionListSchema>;
