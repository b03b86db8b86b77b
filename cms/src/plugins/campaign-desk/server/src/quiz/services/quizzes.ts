/**
 * A quiz's questions are public as they stood when the quiz was last published: publishing
 * stores them on the published version (`publishedQuestions`, answers and explanations
 * included), the public record takes what a reader is shown, and answers are checked against
 * the same. A quiz is refused publishing when it has no question or more than QUIZ_MAX_QUESTIONS, when a question is not
 * complete, or when the clause it tests is not public in its opinion.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PUBLIC_PATHS, QUIZ_MAX_QUESTIONS, QUIZ_MESSAGES, SiteAddress, type Clause } from '@campaign-desk/shared';
import { UID } from '../../../../common/names';
import { pluginConfig } from '../../config/read';
import { defineService } from '../../utils';
import { questionName, readQuestion, type FrozenQuestion, type QuestionRow } from '../questions';

export type PublishedQuiz = {
  documentId: string;
  slug: string;
  title: string;
  opensAt: Date;
  closesAt: Date;
  questions: FrozenQuestion[];
  /** Per clause tested: its link and the links of its 解读, as absolute site URLs. */
  links: Map<string, { label: string; url: string; readings: Array<{ title: string; url: string }> }>;
};

/** How long a published quiz is kept in memory for answering (a flood of answers reads no database for it). */
const CACHE_MS = 30_000;

export default defineService('quizzes', ({ strapi }: { strapi: Core.Strapi }) => {
  const cache = new Map<string, { at: number; quiz: PublishedQuiz | null }>();

  /** The clauses public in published opinions, by documentId, with their opinion's slug. */
  async function publicClauses(): Promise<Map<string, { clause: Clause; opinionSlug: string }>> {
    const opinions = (await strapi.db.query(UID.opinion).findMany({
      select: ['slug', 'publishedClauses'],
      where: { publishedAt: { $notNull: true } },
    })) as Array<{ slug: string; publishedClauses: Clause[] | null }>;
    return new Map(
      opinions.flatMap((opinion) =>
        (opinion.publishedClauses ?? []).map((clause) => [clause.documentId, { clause, opinionSlug: opinion.slug }]),
      ),
    );
  }

  async function load(slug: string): Promise<PublishedQuiz | null> {
    const row = (await strapi.db.query(UID.quiz).findOne({
      select: ['documentId', 'slug', 'title', 'opensAt', 'closesAt', 'publishedQuestions'],
      where: { slug, publishedAt: { $notNull: true } },
    })) as {
      documentId: string;
      slug: string;
      title: string;
      opensAt: string;
      closesAt: string;
      publishedQuestions: FrozenQuestion[] | null;
    } | null;
    if (!row?.publishedQuestions?.length) return null;
    const site = new SiteAddress(pluginConfig(strapi).participation.siteUrl);
    const clauses = await publicClauses();
    const clauseIds = [...new Set(row.publishedQuestions.map((question) => question.clauseId))];
    const stories = (await strapi.db.query(UID.story).findMany({
      select: ['title', 'slug'],
      where: { publishedAt: { $notNull: true }, clauses: { documentId: { $in: clauseIds } } },
      populate: { clauses: { select: ['documentId'] } },
    })) as Array<{ title: string; slug: string; clauses: Array<{ documentId: string }> }>;
    const links: PublishedQuiz['links'] = new Map();
    for (const clauseId of clauseIds) {
      const found = clauses.get(clauseId);
      if (!found) continue;
      links.set(clauseId, {
        label: `${found.clause.label}${found.clause.heading ?? ''}`,
        url: site.url(PUBLIC_PATHS.clause({ slug: found.opinionSlug }, found.clause)),
        readings: stories
          .filter((story) => story.clauses.some((clause) => clause.documentId === clauseId))
          .map((story) => ({ title: story.title, url: site.url(PUBLIC_PATHS.story(story)) })),
      });
    }
    return {
      documentId: row.documentId,
      slug: row.slug,
      title: row.title,
      opensAt: new Date(row.opensAt),
      closesAt: new Date(row.closesAt),
      questions: row.publishedQuestions,
      links,
    };
  }

  return {
    /** Stores the quiz's questions as they stand now on its published version: part of publishing it. */
    async freeze(quizId: string): Promise<void> {
      const published = (await strapi.db.query(UID.quiz).findOne({
        where: { documentId: quizId, publishedAt: { $notNull: true } },
        select: ['id', 'title'],
        populate: { questions: { populate: { clause: { select: ['documentId'], populate: { opinion: { select: ['documentId'] } } } } } },
      })) as { id: number; title: string; questions: QuestionRow[] } | null;
      if (!published) return;
      const name = `知识竞答《${published.title}》`;
      if (published.questions.length === 0)
        throw new errors.ValidationError(`${name}还没有题目，不能发布`, {
          errors: [{ path: ['questions'], message: '请至少选择一道题目', name: 'ValidationError' }],
        });
      // Its answers must fit the route's body limit (QUIZ_MAX_BODY_BYTES).
      if (published.questions.length > QUIZ_MAX_QUESTIONS)
        throw new errors.ValidationError(`${name}有 ${published.questions.length} 题，${QUIZ_MESSAGES.tooManyQuestions}，不能发布`, {
          errors: [{ path: ['questions'], message: QUIZ_MESSAGES.tooManyQuestions, name: 'ValidationError' }],
        });
      const clauses = await publicClauses();
      const questions: FrozenQuestion[] = [];
      for (const row of published.questions) {
        const read = readQuestion(row);
        if ('problems' in read) {
          const first = read.problems[0]!;
          throw new errors.ValidationError(`${name}不能发布：${questionName(row)}的“${first.label}”：${first.message}`, {
            errors: [{ path: ['questions'], message: `${questionName(row)}尚未填写完整`, name: 'ValidationError' }],
          });
        }
        if (!clauses.has(read.question.clauseId))
          throw new errors.ValidationError(`${name}不能发布：${questionName(row)}考查的条款还没有随《意见》发布`, {
            errors: [{ path: ['questions'], message: '所考查的条款须已发布', name: 'ValidationError' }],
          });
        questions.push(read.question);
      }
      await strapi.db.query(UID.quiz).update({ where: { id: published.id }, data: { publishedQuestions: questions } });
      cache.clear();
    },

    /** A published quiz by its slug, for answering (kept briefly in memory). */
    async published(slug: string, now = Date.now()): Promise<PublishedQuiz | null> {
      const hit = cache.get(slug);
      if (hit && now - hit.at < CACHE_MS) return hit.quiz;
      const quiz = await load(slug);
      if (cache.size > 100) cache.clear();
      cache.set(slug, { at: now, quiz });
      return quiz;
    },

    /** Forgets what is kept in memory (a quiz published or withdrawn). */
    forget(): void {
      cache.clear();
    },
  };
});
