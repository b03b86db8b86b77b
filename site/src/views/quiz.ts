/**
 * 知识竞答: a quiz's page (its questions, each with the clause it tests and that clause's
 * 解读, and the form that posts the answers to the CMS), and the quizzes on the clauses of an
 * opinion (its page links them), and a page per score a reader can get with its result
 * poster (the CMS's answer links the reader's). The answers are never here: the CMS checks them.
 */
import { QUESTION_KINDS, nameOf, optionLetter, type Opinion, type Quiz } from '@campaign-desk/shared';
import type { Campaign } from '../lib/campaign';
import { paths } from '../lib/paths';
import type { PageFamily } from './page-family';
import { cardsOf, posterOf, type Card } from './parts';
import { quizScores } from './posters';

export type QuizView = {
  quiz: Quiz;
  questions: Array<{
    documentId: string;
    text: string;
    kind: string;
    multiple: boolean;
    options: Array<{ letter: string; text: string }>;
    clause: { label: string; href: string } | null;
    readings: Card[];
  }>;
};

export const quizPages: PageFamily<{ slug: string }, QuizView> = {
  pages: (campaign) => campaign.records.quizzes.map((quiz) => ({ path: paths.quiz(quiz), params: { slug: quiz.slug } })),
  view: (campaign, { slug }) => {
    const quiz = campaign.records.bySlug.quizzes.get(slug);
    if (!quiz) return null;
    return {
      quiz,
      questions: quiz.questions.map((question) => {
        const found = campaign.records.clauses.get(question.clauseId);
        return {
          documentId: question.documentId,
          text: question.text,
          kind: nameOf(QUESTION_KINDS, question.kind),
          multiple: question.kind === 'multiple',
          options: question.options.map((text, index) => ({ letter: optionLetter(index), text })),
          clause: found
            ? { label: `${found.clause.label}${found.clause.heading ?? ''}`, href: paths.clause(found.opinion, found.clause) }
            : null,
          readings: found ? cardsOf(campaign, campaign.stories.of('clause', question.clauseId)) : [],
        };
      }),
    };
  },
};

export type QuizPosterView = { quiz: Quiz; score: number; total: number; poster: string | null };

/** A quiz's result poster for each score, at paths.quizPoster: where the CMS's answer sends the reader. */
export const quizPosterPages: PageFamily<{ slug: string; score: string }, QuizPosterView> = {
  pages: (campaign) =>
    campaign.records.quizzes.flatMap((quiz) =>
      quizScores(quiz).map((score) => ({ path: paths.quizPoster(quiz, score), params: { slug: quiz.slug, score: String(score) } })),
    ),
  view: (campaign, { slug, score }) => {
    const quiz = campaign.records.bySlug.quizzes.get(slug);
    const total = quiz?.questions.length ?? -1;
    if (!quiz || !/^\d{1,3}$/.test(score) || Number(score) > total) return null;
    return { quiz, score: Number(score), total, poster: posterOf(campaign, 'quiz', `${quiz.documentId}:${Number(score)}`) };
  },
};

/** The quizzes with a question on one of the opinion's clauses. */
export function quizzesOn(campaign: Campaign, opinion: Opinion): Array<{ title: string; href: string }> {
  return campaign.records.quizzes
    .filter((quiz) => quiz.questions.some((question) => question.opinionId === opinion.documentId))
    .map((quiz) => ({ title: quiz.title, href: paths.quiz(quiz) }));
}
