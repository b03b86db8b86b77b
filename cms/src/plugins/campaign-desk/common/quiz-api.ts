/**
 * The admin API of 知识竞答's figures (shown on the 统计 page): readers per day, and the
 * share of right answers per question and per clause, so the newsroom sees which clauses
 * readers misunderstand; and the 选题 made from a clause for a 解读.
 */
import { z } from 'zod';

const rate = z.object({
  key: z.string(),
  label: z.string(),
  answers: z.number().int(),
  right: z.number().int(),
  /** right / answers, 0 when nobody answered. */
  share: z.number(),
});

export const quizStatisticsSchema = z.object({
  quizzes: z.array(
    z.object({
      documentId: z.string(),
      title: z.string(),
      participants: z.number().int(),
      perDay: z.array(z.object({ day: z.string(), count: z.number().int() })),
      questions: z.array(rate),
      clauses: z.array(rate),
    }),
  ),
});
export type QuizStatistics = z.infer<typeof quizStatisticsSchema>;
export type QuizRate = z.infer<typeof rate>;

/** `POST /campaign-desk/quiz-statistics/topics`: a 选题 for a 解读 of a clause, in a reporting plan. */
export const clauseTopicSchema = z.object({ clause: z.string().min(1).max(64), plan: z.string().min(1).max(64) }).strict();
export type ClauseTopic = z.infer<typeof clauseTopicSchema>;
