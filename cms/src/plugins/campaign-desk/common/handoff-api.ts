/**
 * The 公众号 hand-off through the admin API (`/campaign-desk/stories/:documentId/handoff`): what
 * the panel copies for the 公众号 editor and for Weibo, and the record of what was handed off,
 * which goes into the story's review log under the names below.
 */
import { HANDOFF_FORMS, type HandoffForm, WEIBO_LIMIT } from '@campaign-desk/shared';
import { z } from 'zod';

const FORMS = Object.keys(HANDOFF_FORMS) as [HandoffForm, ...HandoffForm[]];

/** `POST`: which form was copied, recorded as handed off by the asking user. */
export const handoffRecordSchema = z.object({ form: z.enum(FORMS) }).strict();

/** `GET`: a published story's hand-off; 400 while it is not published. */
export const handoffSchema = z.object({
  documentId: z.string(),
  url: z.string().url(),
  html: z.string(),
  text: z.string(),
  weibo: z.string(),
  weiboLength: z.number().int().max(WEIBO_LIMIT),
  weiboLimit: z.literal(WEIBO_LIMIT),
});

export type Handoff = z.infer<typeof handoffSchema>;
export type HandoffRecord = z.infer<typeof handoffRecordSchema>;

/** How the review log names a hand-off: `handoff-wechat`, `handoff-weibo`. */
export const HANDOFF_LOG_ACTIONS = {
  'handoff-wechat': HANDOFF_FORMS.wechat,
  'handoff-weibo': HANDOFF_FORMS.weibo,
} as const satisfies Record<`handoff-${HandoffForm}`, string>;

export type HandoffLogAction = keyof typeof HANDOFF_LOG_ACTIONS;
