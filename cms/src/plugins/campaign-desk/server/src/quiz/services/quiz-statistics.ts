/**
 * 知识竞答 in 统计: per quiz, readers per day and the share of right answers per question
 * and per clause (weakest first); and a 选题 for a 解读 of a clause readers get wrong.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ClauseTopic, QuizRate, QuizStatistics } from '../../../../common/quiz-api';
import { UID } from '../../../../common/names';
import { defineService } from '../../utils';
import type { EntryResult } from './quiz-entries';

type Tally = Map<string, { answers: number; right: number }>;

function count(tally: Tally, key: string, correct: boolean) {
  const entry = tally.get(key) ?? { answers: 0, right: 0 };
  entry.answers += 1;
  if (correct) entry.right += 1;
  tally.set(key, entry);
}

const rates = (tally: Tally, label: (key: string) => string): QuizRate[] =>
  [...tally]
    .map(([key, { answers, right }]) => ({ key, label: label(key), answers, right, share: answers ? right / answers : 0 }))
    .sort((a, b) => a.share - b.share || a.label.localeCompare(b.label, 'zh-CN'));

const clauseName = (clause: { label: string; heading: string | null }) => `${clause.label}${clause.heading ?? ''}`;

export default defineService('quiz-statistics', ({ strapi }: { strapi: Core.Strapi }) => ({
  async compute(): Promise<QuizStatistics> {
    const quizzes = (await strapi.db.query(UID.quiz).findMany({
      select: ['documentId', 'title'],
      where: { publishedAt: { $notNull: true } },
      orderBy: { opensAt: 'desc' },
    })) as Array<{ documentId: string; title: string }>;
    const questions = new Map(
      (
        (await strapi.db.query(UID.quizQuestion).findMany({ select: ['documentId', 'text'] })) as Array<{
          documentId: string;
          text: string;
        }>
      ).map((row) => [row.documentId, row.text]),
    );
    const clauses = new Map(
      (
        (await strapi.db.query(UID.clause).findMany({ select: ['documentId', 'label', 'heading'] })) as Array<{
          documentId: string;
          label: string;
          heading: string | null;
        }>
      ).map((row) => [row.documentId, clauseName(row)]),
    );
    const result: QuizStatistics = { quizzes: [] };
    for (const quiz of quizzes) {
      const entries = (await strapi.db.query(UID.quizEntry).findMany({
        select: ['answeredOn', 'results'],
        where: { quiz: quiz.documentId },
      })) as Array<{ answeredOn: string | Date; results: EntryResult[] }>;
      const perDay = new Map<string, number>();
      const byQuestion: Tally = new Map();
      const byClause: Tally = new Map();
      for (const entry of entries) {
        const day = entry.answeredOn instanceof Date ? entry.answeredOn.toISOString().slice(0, 10) : String(entry.answeredOn).slice(0, 10);
        perDay.set(day, (perDay.get(day) ?? 0) + 1);
        for (const answer of entry.results ?? []) {
          count(byQuestion, answer.question, answer.correct);
          count(byClause, answer.clause, answer.correct);
        }
      }
      result.quizzes.push({
        documentId: quiz.documentId,
        title: quiz.title,
        participants: entries.length,
        perDay: [...perDay].sort(([a], [b]) => a.localeCompare(b)).map(([day, count]) => ({ day, count })),
        questions: rates(byQuestion, (key) => questions.get(key) ?? '（已删除的题目）'),
        clauses: rates(byClause, (key) => clauses.get(key) ?? '（已删除的条款）'),
      });
    }
    return result;
  },

  /** A 选题 in a reporting plan: a 解读 of a clause readers of the quiz misunderstand. */
  async topicFor({ clause, plan }: ClauseTopic): Promise<{ documentId: string; title: string }> {
    const found = (await strapi.db.query(UID.clause).findOne({ select: ['label', 'heading', 'text'], where: { documentId: clause } })) as {
      label: string;
      heading: string | null;
      text: string;
    } | null;
    if (!found) throw new errors.NotFoundError(`没有这条条款：${clause}`);
    const title = `解读《意见》${clauseName(found)}`.slice(0, 200);
    const topic = (await strapi.documents(UID.topic).create({
      data: { title, angle: `知识竞答中这一条答对的读者较少，请策划解读稿件，讲清条文：${found.text}`.slice(0, 2000), plan } as never,
    })) as unknown as { documentId: string; title: string };
    return { documentId: topic.documentId, title: topic.title };
  },
}));
