/**
 * 知识竞答 through the real doors: questions and quizzes written through the Document Service
 * (refused, naming the record and the field, when incomplete), the public record without the
 * answers, answers through the public route as the site's script and as the plain form, the
 * hostile set through every field, the lanes under a flood, and the figures 统计 shows.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { QUIZ_MAX_BODY_BYTES, QUIZ_MAX_QUESTIONS, questionField } from '@campaign-desk/shared';
import { PLUGIN_ID, UID } from 'strapi-plugin-campaign-desk/names';
import type rateLimits from '../src/plugins/campaign-desk/server/src/participation/services/rate-limits';
import { call, signUp, type Person } from '@campaign-desk/testing/newsroom';
import { fixtures } from './support/fixtures';
import { send, type Send } from './support/participation';
import { startCms, type TestCms } from './support/strapi';

const SITE = 'http://site.example.test:4321';
const LIMITS = {
  perAddress: { max: 30, windowMs: 600_000 },
  global: { max: 100, windowMs: 600_000 },
  withoutProofPerAddress: { max: 3, windowMs: 600_000 },
  withoutProofGlobal: { max: 50, windowMs: 600_000 },
  quizPerAddress: { max: 3, windowMs: 600_000 },
  quizGlobal: { max: 100, windowMs: 600_000 },
};

let cms: TestCms;
let editor: Person;
let loopback = 10;
let clauses: string[];
let questions: string[];
let quizId: string;

const documents = (uid: string) => cms.strapi.documents(uid as never);
const limits = () => cms.strapi.plugin(PLUGIN_ID).service('rate-limits') as ReturnType<typeof rateLimits>;
const nextAddress = () => `127.0.4.${(loopback += 1)}`;
type Fields = Record<string, string | string[]>;
/** Answers posted as the site's form posts them: urlencoded, a ticked checkbox group as one field per option. */
const answer = (slug: string, { fields, ...options }: Omit<Send, 'fields'> & { fields: Fields }) => {
  const body = new URLSearchParams(Object.entries(fields).flatMap(([name, value]) => [value].flat().map((entry) => [name, entry])));
  return send(`${cms.url}/api/campaign-desk/participation/quiz/${slug}`, {
    origin: SITE,
    from: options.from ?? nextAddress(),
    raw: { body: Buffer.from(body.toString()), type: 'application/x-www-form-urlencoded' },
    ...options,
  });
};

const question = (data: Record<string, unknown>) =>
  documents(UID.quizQuestion).create({
    data: {
      text: '“三个定位”不包括哪一项？',
      kind: 'single',
      options: '全省特色产业增长极\n转型发展示范区\n国际航运中心',
      answer: 'C',
      explanation: '见《意见》总体要求。',
      clause: clauses[0],
      ...data,
    },
  } as never) as Promise<{ documentId: string }>;

/** What a refused write says, and the fields it names. */
async function refusal(write: Promise<unknown>): Promise<{ message: string; fields: string[] }> {
  const error = (await write.then(
    () => null,
    (caught: unknown) => caught,
  )) as { message: string; details?: { errors?: Array<{ path: string[] }> } } | null;
  expect(error, 'the write was refused').not.toBeNull();
  return { message: error!.message, fields: (error!.details?.errors ?? []).map((issue) => issue.path.join('.')) };
}

beforeAll(async () => {
  cms = await startCms({
    env: {
      SITE_URL: SITE,
      CAMPAIGN_DESK_PARTICIPATION_LIMITS: JSON.stringify(LIMITS),
      CAMPAIGN_DESK_PARTICIPATION_PROOF: JSON.stringify({ cost: 1, counterMin: 0, counterMax: 50 }),
    },
  });
  editor = await signUp(cms, 'campaign-desk-editor', '编辑');
  const opinion = await documents(UID.opinion).create({ data: { title: '关于推进咸宁高质量发展的意见', slug: 'yijian' } } as never);
  clauses = [];
  for (const [order, text] of ['总体要求的条文。', '特色产业增长极的条文。'].entries()) {
    const clause = await documents(UID.clause).create({
      data: { opinion: opinion.documentId, label: `${'一二'[order]}、`, heading: `第${order + 1}条`, text, order: order + 1 },
    } as never);
    clauses.push(clause.documentId);
  }
  await documents(UID.opinion).publish({ documentId: opinion.documentId } as never);
  await fixtures(cms.strapi).story({ title: '解读：总体要求', kind: 'interpretation', clauses: [clauses[0]] });
  questions = [
    (await question({})).documentId,
    (
      await question({
        text: '特色产业增长极要推动哪些企业？',
        kind: 'multiple',
        options: '龙头企业做大做强\n中小企业专精特新\n只发展外资企业',
        answer: 'A, B',
        explanation: '龙头企业和中小企业并重。',
        clause: clauses[1],
      })
    ).documentId,
  ];
  const quiz = await documents(UID.quiz).create({
    data: {
      title: '《意见》知识竞答',
      slug: 'yijian-jingda',
      opensAt: '2020-10-08T09:00:00+08:00',
      closesAt: '2099-12-31T18:00:00+08:00',
      questions,
    },
  } as never);
  quizId = quiz.documentId;
  await documents(UID.quiz).publish({ documentId: quizId } as never);
});
afterAll(async () => {
  await cms?.destroy();
});
beforeEach(() => limits().reset());

const right = (): Fields => ({ [questionField(questions[0]!)]: 'C', [questionField(questions[1]!)]: ['A', 'B'] });

describe('writing questions and quizzes', () => {
  it('refuses an incomplete question naming the question and each field, through create and partial update', async () => {
    const wrong = await refusal(question({ text: '单选题给两个答案', answer: 'A,C', explanation: '' }));
    expect(wrong.message).toContain('竞答题目“单选题给两个答案”');
    expect(wrong.message).toContain('“正确答案”：单选题只能有一个正确选项');
    expect(wrong.fields).toEqual(['answer', 'explanation']);
    expect((await refusal(question({ answer: 'F' }))).message).toContain('只能填选项中有的字母（A～C）');
    expect((await refusal(question({ options: '只有一个选项' }))).fields).toEqual(['options', 'answer']);
    expect((await refusal(question({ clause: null }))).message).toContain('“考查的条款”');
    const hostile = await refusal(question({ text: '<script>alert(1)</script>\u202e', answer: '💥' }));
    expect(hostile.fields).toEqual(['answer']);
    expect(await cms.strapi.db.query(UID.quizQuestion).count({ where: { text: { $contains: 'script' } } })).toBe(0);
    const updated = await refusal(documents(UID.quizQuestion).update({ documentId: questions[0], data: { answer: 'Z' } } as never));
    expect(updated.message).toContain('竞答题目““三个定位”不包括哪一项？”');
    expect((await cms.strapi.db.query(UID.quizQuestion).findOne({ where: { documentId: questions[0] } })).answer).toBe('C');
  });

  it('refuses a quiz that closes before it opens, and publishing one without questions', async () => {
    const early = await refusal(
      documents(UID.quiz).create({ data: { title: '倒计时', opensAt: '2020-10-08T09:00:00Z', closesAt: '2020-10-01T09:00:00Z' } } as never),
    );
    expect(early).toEqual({ message: '知识竞答《倒计时》的“结束时间”须晚于“开始时间”', fields: ['closesAt'] });
    const empty = await documents(UID.quiz).create({
      data: { title: '空竞答', opensAt: '2020-10-08T09:00:00Z', closesAt: '2099-10-01T09:00:00Z' },
    } as never);
    expect((await refusal(documents(UID.quiz).publish({ documentId: empty.documentId } as never))).message).toBe(
      '知识竞答《空竞答》还没有题目，不能发布',
    );
    // More questions than the answers' body limit fits.
    const many: string[] = [];
    for (let index = 0; index <= QUIZ_MAX_QUESTIONS; index += 1) many.push((await question({ text: `第${index + 1}题` })).documentId);
    await documents(UID.quiz).update({ documentId: empty.documentId, data: { questions: many } } as never);
    const long = await refusal(documents(UID.quiz).publish({ documentId: empty.documentId } as never));
    expect(long).toEqual({ message: `知识竞答《空竞答》有 31 题，一个竞答最多 ${QUIZ_MAX_QUESTIONS} 题，不能发布`, fields: ['questions'] });
  });

  it('publishes the questions without their answers or explanations', async () => {
    const { records } = await cms.strapi.plugin(PLUGIN_ID).service('record-reader').read('quiz', cms.url);
    expect(records).toHaveLength(1);
    expect(records[0].questions.map((entry: { documentId: string }) => entry.documentId)).toEqual(questions);
    expect(Object.keys(records[0].questions[0]).sort()).toEqual(['clauseId', 'documentId', 'kind', 'opinionId', 'options', 'text']);
    expect(JSON.stringify(records)).not.toMatch(/answer|explanation|见《意见》总体要求/);
  });
});

describe('answering', () => {
  it('scores the site’s script’s answers on the server, with explanations and links to the clause and its 解读', async () => {
    const taken = await answer('yijian-jingda', { fields: { ...right(), [questionField(questions[1]!)]: 'A', nickname: ' 小李 ' } });
    expect(taken.status, taken.text).toBe(200);
    expect(taken.json).toMatchObject({ ok: true, score: 1, total: 2, poster: `${SITE}/quiz/yijian-jingda/haibao/1/` });
    expect(taken.json.results[0]).toEqual({
      documentId: questions[0],
      correct: true,
      chosen: ['C'],
      explanation: '见《意见》总体要求。',
      clause: { label: '一、第1条', url: `${SITE}/opinions/yijian/#clause-${clauses[0]}` },
      readings: [{ title: '解读：总体要求', url: expect.stringMatching(new RegExp(`^${SITE}/stories/`)) }],
    });
    // Their mark and the explanation, never the key: nothing says which letters were right.
    expect(taken.json.results[1]).toMatchObject({ correct: false, chosen: ['A'], explanation: '龙头企业和中小企业并重。' });
    expect(taken.text).not.toMatch(/"answer"/);
    const entry = await cms.strapi.db.query(UID.quizEntry).findOne({ where: { nickname: '小李' } });
    expect(entry).toMatchObject({ quiz: quizId, score: 1, total: 2 });
  });

  it('answers the plain form (no JavaScript) with a page of the result, escaping what it shows', async () => {
    const page = await answer('YIJIAN-JINGDA', { as: 'page', fields: { ...right(), nickname: '<b>读者</b>' } });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('答对 <strong>2</strong> 题，共 2 题');
    expect(page.text).toContain(`href="${SITE}/opinions/yijian/#clause-${clauses[0]}"`);
    expect(page.text).toContain(`<a href="${SITE}/quiz/yijian-jingda/haibao/2/">生成答题海报，分享到朋友圈</a>`);
    expect(page.text).not.toContain('<b>读者</b>');
  });

  it('refuses, naming the question or field, what is missing, not an option or not in the form', async () => {
    const cases: Array<[Fields, string]> = [
      [{ [questionField(questions[0]!)]: 'C' }, '还有题目没有作答：第 2 题'],
      [{ ...right(), [questionField(questions[0]!)]: 'Z' }, '第 1 题所选的选项无效'],
      [{ ...right(), [questionField(questions[0]!)]: ['A', 'C'] }, '第 1 题是单选题，只能选一项'],
      [{ ...right(), [questionField(questions[1]!)]: '\u0000' }, '第 2 题所选的选项无效'],
      [{ ...right(), score: '100' }, '表单中没有“score”这一项'],
      [{ ...right(), nickname: '长'.repeat(21) }, '昵称最多 20 个字'],
      [{ ...right(), nickname: '坏\ufffd' }, '昵称含有无法识别的字符'],
    ];
    for (const [fields, message] of cases) {
      const refused = await answer('yijian-jingda', { fields });
      expect(refused.status, JSON.stringify(fields)).toBe(400);
      expect(refused.json.error.message).toContain(message);
    }
    const page = await answer('yijian-jingda', { as: 'page', fields: { [questionField(questions[0]!)]: 'C' } });
    expect(page.text).toContain('还有题目没有作答：第 2 题');
    expect(await cms.strapi.db.query(UID.quizEntry).count({ where: { score: 100 } })).toBe(0);
  });

  it('refuses a quiz not published, not yet open or closed, and posts from another origin', async () => {
    expect((await answer('no-such-quiz', { fields: right() })).status).toBe(404);
    expect((await answer('yijian-jingda', { origin: 'https://evil.example', fields: right() })).status).toBe(403);
    await documents(UID.quiz).update({ documentId: quizId, data: { opensAt: '2099-01-01T00:00:00Z' }, status: 'published' } as never);
    try {
      const early = await answer('yijian-jingda', { fields: right() });
      expect(early.status).toBe(403);
      expect(early.json.error.message).toBe('竞答尚未开始，请在开始时间后再来答题。');
    } finally {
      await documents(UID.quiz).update({ documentId: quizId, data: { opensAt: '2020-10-08T01:00:00Z' }, status: 'published' } as never);
    }
    await documents(UID.quiz).update({ documentId: quizId, data: { closesAt: '2020-10-09T01:00:00Z' }, status: 'published' } as never);
    try {
      expect((await answer('yijian-jingda', { fields: right() })).json.error.message).toBe('竞答已经结束，感谢关注。');
    } finally {
      await documents(UID.quiz).update({ documentId: quizId, data: { closesAt: '2099-12-31T10:00:00Z' }, status: 'published' } as never);
    }
  });

  it('holds a flood from one address to the quiz’s own lane (not the photo form’s), counting only what it admitted', async () => {
    const from = nextAddress();
    const before = await cms.strapi.db.query(UID.quizEntry).count();
    const answers = await Promise.all(Array.from({ length: 10 }, () => answer('yijian-jingda', { from, fields: right() })));
    expect(answers.filter((entry) => entry.status === 200)).toHaveLength(LIMITS.quizPerAddress.max);
    expect(answers.filter((entry) => entry.status === 429)).toHaveLength(10 - LIMITS.quizPerAddress.max);
    expect(await cms.strapi.db.query(UID.quizEntry).count()).toBe(before + LIMITS.quizPerAddress.max);
  });

  it('refuses answers bigger than a quiz’s answers can be, before reading them', async () => {
    const padded = await answer('yijian-jingda', { fields: { ...right(), nickname: 'x'.repeat(QUIZ_MAX_BODY_BYTES) } });
    expect(padded.status).toBe(413);
    expect(padded.json.error.message).toBe(`提交的答案太大：一份答卷不超过 ${QUIZ_MAX_BODY_BYTES / 1024} KB，请从竞答页面提交。`);
  });
});

describe('统计', () => {
  it('shows readers per day and the share of right answers per question and per clause, and makes a 选题 from a clause', async () => {
    const stats = await call(cms, editor, 'GET', '/campaign-desk/quiz-statistics');
    expect(stats.status).toBe(200);
    const [quiz] = stats.body.quizzes;
    const count = await cms.strapi.db.query(UID.quizEntry).count();
    expect(quiz.participants).toBe(count);
    expect(quiz.perDay.reduce((sum: number, day: { count: number }) => sum + day.count, 0)).toBe(count);
    // The reader who chose only A got the second question (the second clause) wrong: the weakest first.
    expect(quiz.clauses[0]).toMatchObject({ key: clauses[1], label: '二、第2条', answers: count, right: count - 1 });
    expect(quiz.questions.map((row: { key: string }) => row.key).sort()).toEqual([...questions].sort());

    const outlet = await fixtures(cms.strapi).outlet();
    const theme = await fixtures(cms.strapi).taxonomyId('theme', (await cms.strapi.db.query(UID.theme).findOne({})).slug);
    const plan = await documents(UID.reportingPlan).create({ data: { title: '解读方案', outlet: outlet.documentId, theme } } as never);
    const asked = await call(cms, editor, 'POST', '/campaign-desk/quiz-statistics/topics', { clause: clauses[1], plan: plan.documentId });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect(asked.body.title).toBe('解读《意见》二、第2条');
    expect(await cms.strapi.db.query(UID.topic).count({ where: { title: '解读《意见》二、第2条' } })).toBe(1);
    const hostile = await call(cms, editor, 'POST', '/campaign-desk/quiz-statistics/topics', { clause: clauses[1], plan: 'x', extra: 1 });
    expect(hostile.status).toBe(400);
  });
});
