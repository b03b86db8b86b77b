/**
 * 网友提问 during a 图文直播: a reader's question, posted from the live page
 * (`POST <submit URL>/live-question/<slug>`, fields `question` and an optional `nickname`),
 * kept for a 值班编辑, who refuses it or answers it as an entry. Nothing personal is kept
 * beyond the nickname the reader chose to give.
 */
import { z } from 'zod';
import { cleanText, charCount } from './participation';
import { NICKNAME_FIELD } from './quiz';

/** Where questions go, under the participation route: `…/participation/live-question/<slug>`. */
export const LIVE_QUESTION_ENDPOINT = 'live-question';
export const LIVE_QUESTION_FIELD = 'question';
export const LIVE_QUESTION_CHARS = { min: 2, max: 300 } as const;
export const LIVE_QUESTION_LABELS = { [LIVE_QUESTION_FIELD]: '问题', [NICKNAME_FIELD]: '昵称', live: '图文直播' } as const;

export const LIVE_QUESTION_MESSAGES = {
  missing: '没有找到这场图文直播',
  notOnAir: '这场图文直播现在不在直播中，不接受提问',
  closed: '这场图文直播没有开放网友提问',
  received: '提问已收到。值班编辑审核后，会在直播中回答。',
  noFiles: '提问不接收文件',
} as const;

/** The question as typed: cleaned like every reader's text, one to three hundred characters. */
export const liveQuestionSchema = z
  .string({ required_error: '请填写问题', invalid_type_error: '问题应为文字' })
  .refine((value) => !value.includes('\ufffd'), '问题含有无法识别的字符，请检查后重新输入')
  .transform((value) => cleanText(value))
  .refine((value) => charCount(value) >= LIVE_QUESTION_CHARS.min, `问题至少 ${LIVE_QUESTION_CHARS.min} 个字`)
  .refine((value) => charCount(value) <= LIVE_QUESTION_CHARS.max, `问题最多 ${LIVE_QUESTION_CHARS.max} 个字`);

/** Who asked, as an answer shows it: the nickname, or 网友. */
export const askerName = (nickname: string | null | undefined) => nickname || '网友';
