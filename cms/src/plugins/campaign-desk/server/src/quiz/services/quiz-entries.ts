/**
 * A reader's answers: checked against the quiz as published, scored, and kept as one entry
 * (the day, the score, right or wrong per question and clause; an optional nickname, flagged
 * by the sensitive-word list like every reader text and never published). Nothing else of the
 * reader is kept.
 */
import type { Core } from '@strapi/strapi';
import {
  QUIZ_MESSAGES,
  chosenOptions,
  optionLetter,
  questionField,
  shanghaiDate,
  type FieldProblem,
  type QuizResult,
} from '@campaign-desk/shared';
import { UID } from '../../../../common/names';
import { defineService, getService } from '../../utils';
import sensitiveWords from '../../participation/services/sensitive-words';
import type { PublishedQuiz } from './quizzes';

/** A solved challenge that already admitted a set of answers. */
export class AnswersProofReused extends Error {}

export type EntryResult = { question: string; clause: string; correct: boolean };

export type Checked = { ok: true; result: Omit<QuizResult, 'poster'>; entry: EntryResult[] } | { ok: false; problems: FieldProblem[] };

const letters = (indexes: number[]) => indexes.map(optionLetter);

/** The reader's answers judged, or the fields that are missing or not the question's options. */
export function check(quiz: PublishedQuiz, fields: Record<string, unknown>): Checked {
  const problems: FieldProblem[] = [];
  const known = new Set(quiz.questions.map((question) => questionField(question.documentId)));
  for (const name of Object.keys(fields)) {
    if (!known.has(name)) problems.push({ field: name, label: name.slice(0, 40), message: `表单中没有“${name.slice(0, 40)}”这一项` });
  }
  const results: QuizResult['results'] = [];
  const entry: EntryResult[] = [];
  for (const [index, question] of quiz.questions.entries()) {
    const field = questionField(question.documentId);
    const label = `第 ${index + 1} 题`;
    const chosen = chosenOptions(fields[field], question.options.length);
    const problem =
      chosen === null
        ? `${label}${QUIZ_MESSAGES.badChoice}`
        : chosen.length === 0
          ? `${QUIZ_MESSAGES.unanswered}：${label}`
          : question.kind === 'single' && chosen.length > 1
            ? `${label}是单选题，只能选一项`
            : null;
    if (chosen === null || problem !== null) {
      problems.push({ field, label, message: problem ?? QUIZ_MESSAGES.badChoice });
      continue;
    }
    const correct = chosen.length === question.answer.length && chosen.every((option, at) => option === question.answer[at]);
    const link = quiz.links.get(question.clauseId);
    results.push({
      documentId: question.documentId,
      correct,
      chosen: letters(chosen),
      explanation: question.explanation,
      clause: { label: link?.label ?? '《意见》原文', url: link?.url ?? '' },
      readings: link?.readings ?? [],
    });
    entry.push({ question: question.documentId, clause: question.clauseId, correct });
  }
  if (problems.length > 0) return { ok: false, problems };
  const score = entry.filter((answer) => answer.correct).length;
  return { ok: true, result: { ok: true, score, total: entry.length, results }, entry };
}

export default defineService('quiz-entries', ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Keeps one reader's checked answers. */
  async keep(quiz: PublishedQuiz, entry: EntryResult[], options: { nickname: string | null; proof: string | null; now?: Date }) {
    const now = options.now ?? new Date();
    const flags = options.nickname ? getService(strapi, sensitiveWords).find([options.nickname]) : [];
    try {
      await strapi.documents(UID.quizEntry).create({
        data: {
          quiz: quiz.documentId,
          answeredOn: shanghaiDate(now),
          score: entry.filter((answer) => answer.correct).length,
          total: entry.length,
          results: entry,
          nickname: options.nickname,
          flags,
          proof: options.proof,
        } as never,
      });
    } catch (error) {
      if (options.proof && (await strapi.db.query(UID.quizEntry).count({ where: { proof: options.proof } })) > 0)
        throw new AnswersProofReused();
      throw error;
    }
  },

  async proofUsed(proof: string): Promise<boolean> {
    return (await strapi.db.query(UID.quizEntry).count({ where: { proof } })) > 0;
  },
}));
