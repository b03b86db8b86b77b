/**
 * 知识竞答 on the 《意见》: a quiz's public shape (what the snapshot carries and the site
 * shows: the questions and their options, never which are right), how a reader's answers are
 * posted (`POST <submit URL>/quiz/<slug>`, one field per question) and what the CMS answers.
 * Which options are right, and the explanations, stay in the CMS: they are only ever sent
 * back to a reader who has answered.
 */
import { z } from 'zod';
import { cleanText, charCount } from './participation';
import { QUESTION_KINDS, keysOf } from './taxonomy';

/** Where a quiz's answers go, under the participation route: `…/participation/quiz/<slug>`. */
export const QUIZ_ENDPOINT = 'quiz';

/** How many options a question may offer; they are lettered A, B, C… */
export const OPTION_COUNT = { min: 2, max: 6 } as const;
export const OPTION_MAX_CHARS = 200;
export const optionLetter = (index: number) => String.fromCharCode(65 + index);

/** The field a question's answer is posted in: a checkbox group sends it once per ticked option. */
export const questionField = (questionId: string) => `q-${questionId}`;

/**
 * Questions a quiz may have, and the bytes its answers may declare: 30 questions of six
 * ticked options each (`q-<24-character id>=A`, ~29 bytes an option, 5.2 KB), the solved
 * challenge (~0.6 KB) and a nickname fit with room to spare; the photo form's 9 MB does not apply.
 */
export const QUIZ_MAX_QUESTIONS = 30;
export const QUIZ_MAX_BODY_BYTES = 8 * 1024;

export const NICKNAME_FIELD = 'nickname';
export const NICKNAME_MAX = 20;
export const QUIZ_FIELD_LABELS = { [NICKNAME_FIELD]: '昵称', quiz: '竞答' } as const;

/** A question as the public sees it. */
export const quizQuestionSchema = z.object({
  documentId: z.string().min(1).max(64),
  text: z.string().min(1),
  kind: z.enum(keysOf(QUESTION_KINDS)),
  options: z.array(z.string().min(1)).min(OPTION_COUNT.min).max(OPTION_COUNT.max),
  /** The clause of the 《意见》 it tests, and that clause's opinion (for the link to it). */
  clauseId: z.string().min(1).max(64),
  opinionId: z.string().min(1).max(64),
});
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;

/** The reader's optional nickname: cleaned like every reader text, kept only with the answers (never published). */
export const nicknameSchema = z
  .union([z.literal(''), z.undefined(), z.string({ invalid_type_error: '昵称应为文字' })])
  .refine((value) => !value?.includes('\ufffd'), '昵称含有无法识别的字符，请检查后重新输入')
  .transform((value) => (value ? cleanText(value, { singleLine: true }) : ''))
  .refine((value) => charCount(value) <= NICKNAME_MAX, `昵称最多 ${NICKNAME_MAX} 个字`)
  .transform((value) => value || null);

/**
 * The option indexes a reader chose for one question, from what the form sent (a letter, or
 * several for a checkbox group); null when the value is not one of the question's options.
 */
export function chosenOptions(value: unknown, optionCount: number): number[] | null {
  const values = value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value];
  const chosen = new Set<number>();
  for (const entry of values) {
    if (typeof entry !== 'string' || !/^[A-Z]$/.test(entry)) return null;
    const index = entry.charCodeAt(0) - 65;
    if (index >= optionCount) return null;
    chosen.add(index);
  }
  return [...chosen].sort((a, b) => a - b);
}

/**
 * What the CMS answers for one question once a reader has answered: their mark, their choice
 * and the explanation. Never the right letters: an answer sent once would hand a reader (or a
 * script) the whole key to post again.
 */
export type QuestionResult = {
  documentId: string;
  correct: boolean;
  chosen: string[];
  explanation: string;
  clause: { label: string; url: string };
  readings: Array<{ title: string; url: string }>;
};

/** `poster`: the absolute URL of the site's page with the result poster of this score (PUBLIC_PATHS.quizPoster). */
export type QuizResult = { ok: true; score: number; total: number; results: QuestionResult[]; poster: string };

export const QUIZ_MESSAGES = {
  notOpen: '竞答尚未开始，请在开始时间后再来答题。',
  closed: '竞答已经结束，感谢关注。',
  missing: '没有这个竞答，或它已撤下。',
  unanswered: '还有题目没有作答',
  badChoice: '所选的选项无效',
  tooLarge: `提交的答案太大：一份答卷不超过 ${QUIZ_MAX_BODY_BYTES / 1024} KB，请从竞答页面提交。`,
  tooManyQuestions: `一个竞答最多 ${QUIZ_MAX_QUESTIONS} 题`,
} as const;
