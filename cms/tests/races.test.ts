/**
 * Races in 三审, interleaved on purpose on PostgreSQL: the test holds a row lock, or pauses one
 * action at a chosen point inside its transaction, starts the other, waits until the database
 * shows it waiting (or it has finished), then lets the first go on.
 *
 * PostgreSQL only: SQLite has a single writer, so a write transaction runs alone and nothing
 * interleaves there. The sequential halves (a move from a stage the story has left gets a 409;
 * two moves fired together, one applies) run on both databases in workflow.test.ts.
 */
import type { Modules } from '@strapi/strapi';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PLUGIN_ID, UID } from 'strapi-plugin-campaign-desk/names';
import { adminApi, type Answer, type Session } from './support/admin-api';
import { paragraph } from './support/fixtures';
import { startCms, type TestCms } from './support/strapi';

type Context = Modules.Documents.Middleware.Context;

describe.skipIf(process.env.TEST_DATABASE !== 'postgres')('on PostgreSQL, interleaved', () => {
  let cms: TestCms;
  let api: ReturnType<typeof adminApi>;
  let db: pg.Client;
  let people: Awaited<ReturnType<ReturnType<typeof adminApi>['newsroom']>>;
  const CM = `/content-manager/collection-types/${UID.story}`;

  beforeAll(async () => {
    cms = await startCms();
    api = adminApi(cms);
    people = await api.newsroom();
    db = new pg.Client({ connectionString: cms.env.DATABASE_URL });
    await db.connect();
  });
  /** Gates and the test's own row lock, let go after each test, also one that failed half-way. */
  const letGo: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const release of letGo.splice(0)) await release();
  });
  afterAll(async () => {
    try {
      await db?.end();
    } finally {
      await cms?.destroy();
    }
  });

  /** Until `ready` holds; a condition the test waits for, not a time it measures. */
  async function until(ready: () => Promise<boolean>, what: string) {
    for (let tries = 0; !(await ready()); tries += 1) {
      if (tries > 1500) throw new Error(`waited 30 s for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** How many of the CMS's connections wait for a lock. */
  async function lockWaiters(): Promise<number> {
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
    );
    return rows[0]!.n;
  }

  /** Tracks whether a request has answered. */
  function pending(request: Promise<Answer>) {
    const state = { done: false, answer: request.finally(() => (state.done = true)) };
    return state;
  }

  /**
   * Pauses the first document action `matches` picks, inside its transaction: before its own
   * work (`before`) or once it has written (`after`), until `open()`.
   */
  function gate(matches: (context: Context) => boolean, when: 'before' | 'after') {
    let reach!: () => void;
    let release!: () => void;
    const reached = new Promise<void>((resolve) => (reach = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    let used = false;
    // Strapi's middleware manager answers `use` with the function that removes it (its types say otherwise).
    const stop = cms.strapi.documents.use(async (context, next) => {
      if (used || !matches(context)) return next();
      used = true;
      if (when === 'before') {
        reach();
        await released;
        return next();
      }
      const result = await next();
      reach();
      await released;
      return result;
    }) as unknown as () => void;
    const open = () => {
      release();
      stop();
    };
    letGo.push(open);
    return { reached, open };
  }

  /** A story at `stage`, dated (as one published before is), so nothing but the rules under test writes its row on publish. */
  async function story(title: string, stage: 'submitted' | 'approved') {
    const created = (await cms.strapi.documents(UID.story).create({
      data: { title, kind: 'news', body: paragraph('正文'), date: '2020-06-01T08:00:00.000Z' },
    } as never)) as { documentId: string };
    const review = cms.strapi.plugin(PLUGIN_ID).service('review');
    if (stage === 'approved') await review.approveAsSystem(created.documentId, '测试');
    else await cms.strapi.db.query(UID.story).updateMany({ where: { documentId: created.documentId }, data: { reviewStage: stage } });
    return created.documentId;
  }

  const publicTitle = async (documentId: string) =>
    ((await cms.strapi.db.query(UID.story).findOne({ where: { documentId, publishedAt: { $notNull: true } } })) as { title: string } | null)
      ?.title;
  const stageOf = async (documentId: string) =>
    ((await cms.strapi.db.query(UID.story).findOne({ where: { documentId, publishedAt: null } })) as { reviewStage: string }).reviewStage;
  const forStory = (documentId: string, action: string) => (context: Context) =>
    context.uid === UID.story && context.action === action && (context.params as { documentId?: string }).documentId === documentId;

  it('lets exactly one of two review moves made at once apply; the other gets a 409 naming the stage', async () => {
    const id = await story('两人同时审', 'submitted');
    const move = (session: Session, action: string, comment?: string) =>
      api.call(session, 'POST', `/campaign-desk/stories/${id}/review`, { action, stage: 'submitted', ...(comment ? { comment } : {}) });
    // Both moves reach the story's row while the test holds it, one after the other.
    await db.query('begin');
    letGo.push(async () => void (await db.query('rollback')));
    await db.query(`select id from campaign_desk_stories where document_id = $1 and published_at is null for update`, [id]);
    const first = pending(move(people.editor, 'first'));
    await until(async () => (await lockWaiters()) >= 1 || first.done, 'the first move to wait for the row');
    const second = pending(move(people.deskHead, 'return', '同时退回'));
    await until(async () => (await lockWaiters()) >= 2 || second.done, 'the second move to wait for the row');
    await db.query('commit');

    const [a, b] = await Promise.all([first.answer, second.answer]);
    expect([a.status, b.status]).toEqual([200, 409]);
    expect(b.body.error.message).toContain('当前为“初审通过”');
    const entries = await cms.strapi.db.query(UID.reviewEntry).findMany({ where: { storyId: id } });
    expect(entries.map((entry: { action: string }) => entry.action)).toEqual(['first']);
  });

  it('refuses a publish that an edit overtook: the story is back at 已送审 and the public keeps what it had', async () => {
    const id = await story('编辑抢先', 'approved');
    // The edit has written the draft and holds its row; its move back to 已送审 is still to come.
    const paused = gate(forStory(id, 'update'), 'after');
    const edit = pending(api.call(people.editor, 'PUT', `${CM}/${id}`, { title: '编辑抢先（未审改动）' }));
    await paused.reached;
    const publish = pending(api.call(people.chief, 'POST', `${CM}/${id}/actions/publish`, {}));
    await until(async () => (await lockWaiters()) >= 1 || publish.done, 'the publish to wait for the edit');
    paused.open();

    expect((await edit.answer).status).toBe(200);
    const refused = await publish.answer;
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('已送审');
    expect(await stageOf(id)).toBe('submitted');
    expect(await publicTitle(id)).toBeUndefined();
  });

  it('publishes exactly the approved version when an edit comes in mid-publish, and the edit reopens the review', async () => {
    const id = await story('已审定稿', 'approved');
    // The publish has checked the stage and is about to copy the draft.
    const paused = gate(forStory(id, 'publish'), 'before');
    const publish = pending(api.call(people.chief, 'POST', `${CM}/actions/bulkPublish`, { documentIds: [id] }));
    await paused.reached;
    const edit = pending(api.call(people.editor, 'PUT', `${CM}/${id}`, { title: '已审定稿（未审改动）' }));
    await until(async () => (await lockWaiters()) >= 1 || edit.done, 'the edit to wait for the publish, or to land');
    paused.open();

    expect((await publish.answer).status).toBe(200);
    expect((await edit.answer).status).toBe(200);
    expect(await publicTitle(id)).toBe('已审定稿');
    expect(await stageOf(id)).toBe('submitted');
  });
});
