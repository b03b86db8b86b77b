/**
 * 知识竞答's answers under load, for `pnpm bench`: the sample quiz (scripts/seed/sample-quiz.ts)
 * answered by a flood of plain-form posts from 200 addresses and from one, at the default
 * limits (the quiz's own lanes decide, at the door), and once with the
 * lanes opened wide, so every answer is checked and kept: what scoring and storing costs.
 * The limits are reset before each run (the forms' flood before it used the lanes up).
 */
import type { Core } from '@strapi/strapi';
import { questionField } from '@campaign-desk/shared';
import { signUp } from '@campaign-desk/testing/newsroom';
import { PLUGIN_ID } from 'strapi-plugin-campaign-desk/names';
import { sampleQuizzes } from '../seed/sample-quiz';
import { ADDRESSES, flood } from './participation';

export async function benchQuiz(cms: { strapi: Core.Strapi; url: string }, siteUrl: string) {
  const plugin = cms.strapi.plugin(PLUGIN_ID);
  await plugin.service('seed').load(sampleQuizzes(), 'sample quiz');
  const [sample] = sampleQuizzes().quizzes;
  const quiz = (await cms.strapi.db.query('plugin::campaign-desk.quiz').findOne({
    where: { slug: sample!.slug, publishedAt: { $notNull: true } },
    select: ['publishedQuestions'],
  })) as { publishedQuestions: Array<{ documentId: string; kind: string }> };
  const fields = () =>
    new URLSearchParams(
      quiz.publishedQuestions.flatMap((question) =>
        (question.kind === 'multiple' ? ['A', 'B'] : ['B']).map((letter) => [questionField(question.documentId), letter]),
      ),
    );
  const editor = await signUp(cms, 'campaign-desk-editor', '压测竞答编辑');
  const target = {
    url: `${cms.url}/api/campaign-desk/participation/quiz/${sample!.slug}`,
    origin: new URL(siteUrl).origin,
    taken: 200,
    fields,
  };
  const reset = () => plugin.service('rate-limits').reset();

  await reset();
  const manyAddresses = { addresses: ADDRESSES, ...(await flood(cms, editor, target, (index) => `127.0.12.${(index % ADDRESSES) + 1}`)) };
  await reset();
  const oneAddress = await flood(cms, editor, target, () => '127.0.13.1');
  const key = `plugin::${PLUGIN_ID}.participation`;
  const saved = cms.strapi.config.get<{ limits: Record<string, unknown> }>(key);
  const wide = { max: 1_000_000, windowMs: 60_000 };
  cms.strapi.config.set(key, {
    ...saved,
    limits: { ...saved.limits, quizPerAddress: wide, quizGlobal: wide },
  });
  try {
    await reset();
    const allTaken = { addresses: ADDRESSES, ...(await flood(cms, editor, target, (index) => `127.0.14.${(index % ADDRESSES) + 1}`)) };
    return { manyAddresses, oneAddress, allTaken };
  } finally {
    cms.strapi.config.set(key, saved);
    await reset();
  }
}
