/** 知识竞答: a quiz on the 《意见》's clauses as the public sees it (shared/src/quiz.ts: its questions, never their answers). */
import { z } from 'zod';
import { quizQuestionSchema } from '../quiz';
import { instantSchema, published, sample, slugSchema } from './fields';

/**
 * A set of questions open between two instants. Only what a reader is shown before answering:
 * which options are right, and the explanations, stay in the CMS.
 */
export const quizSchema = z
  .object({
    type: z.literal('quiz'),
    ...published,
    slug: slugSchema,
    title: z.string().min(1),
    intro: z.string().nullable(),
    opensAt: instantSchema,
    closesAt: instantSchema,
    /** As they stood when the quiz was last published. */
    questions: z.array(quizQuestionSchema.strict()).min(1),
    sample,
  })
  .strict();

export type Quiz = z.infer<typeof quizSchema>;
