/**
 * 定时发布 through the admin API: a story that passed 终审 scheduled by 主编 goes out at its time
 * through the same publish as a person's (journal, outbox, notices), logged with who scheduled
 * it; hostile times and people are refused by name; an edit or an unschedule cancels it; a
 * failure is told and not retried; and on PostgreSQL two instances publish each story once.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PLUGIN_ID, UID } from 'strapi-plugin-campaign-desk/names';
import { adminApi, type Session } from './support/admin-api';
import { fixtures, paragraph } from './support/fixtures';
import { startCms, type TestCms } from './support/strapi';
import { startCmsProcess } from './support/strapi-process';

let cms: TestCms;
let api: ReturnType<typeof adminApi>;
let make: ReturnType<typeof fixtures>;
const CM = `/content-manager/collection-types/${UID.story}`;
const people: Record<'reporter' | 'editor' | 'deskHead' | 'chief', Session> = {} as never;

const call = (session: Session, method: string, path: string, body?: unknown) => api.call(session, method, path, body);
const schedulePath = (id: string) => `/campaign-desk/stories/${id}/schedule`;
/** Beijing wall-clock time `ms` from now, as a person types it: 2026-12-08 07:00:05. */
function beijing(ms: number): string {
  return new Date(Date.now() + ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

async function approved(title: string): Promise<string> {
  const created = await call(people.reporter, 'POST', CM, { title, kind: 'news', body: paragraph('正文'), summary: '摘要' });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.data.documentId as string;
  for (const [person, action] of [
    [people.reporter, 'submit'],
    [people.editor, 'first'],
    [people.deskHead, 'second'],
    [people.chief, 'final'],
  ] as const) {
    expect((await api.review(person, id, action)).status).toBe(200);
  }
  return id;
}

const logOf = async (id: string) =>
  (await call(people.chief, 'GET', `/campaign-desk/stories/${id}/review`)).body.log as Array<{
    action: string;
    actorName: string;
    comment: string | null;
  }>;
const publishedRows = (id: string) => cms.strapi.db.query(UID.story).count({ where: { documentId: id, publishedAt: { $notNull: true } } });
/** Its time comes now: what a clock would do, without the test waiting for it. */
const dueNow = (ids: string[]) =>
  cms.strapi.db.query(UID.schedule).updateMany({ where: { storyId: { $in: ids } }, data: { publishAt: new Date() } });
const journalUpserts = (id: string) => cms.strapi.db.query(UID.change).count({ where: { recordId: id, operation: 'upsert' } });

beforeAll(async () => {
  cms = await startCms({ env: { CAMPAIGN_DESK_SCHEDULE_POLL_MS: '200' } });
  api = adminApi(cms);
  make = fixtures(cms.strapi);
  Object.assign(people, await api.newsroom());
});
afterAll(async () => {
  await cms?.destroy();
});

describe('定时发布', () => {
  it('publishes an approved story at its time, once, logged as 定时发布 with who scheduled it', async () => {
    const id = await approved('七点见报');
    const publishAt = beijing(3_000);
    const scheduled = await call(people.chief, 'PUT', schedulePath(id), { publishAt });
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(200);
    expect(scheduled.body).toMatchObject({ schedule: { state: 'pending', scheduledBy: '测试主编', outcome: null }, maySchedule: true });
    // Entered in Beijing time: the instant is eight hours before the wall clock read as UTC.
    expect(new Date(scheduled.body.schedule.publishAt).getTime()).toBe(new Date(`${publishAt.replace(' ', 'T')}+08:00`).getTime());

    const queue = await call(people.editor, 'GET', '/campaign-desk/review-queue');
    expect(queue.body.scheduled).toContainEqual({
      documentId: id,
      title: '七点见报',
      publishAt: scheduled.body.schedule.publishAt,
      scheduledBy: '测试主编',
    });
    expect(await publishedRows(id)).toBe(0);

    await vi.waitFor(async () => expect(await publishedRows(id)).toBe(1), { timeout: 20_000, interval: 100 });
    const published = (await cms.strapi.db.query(UID.story).findOne({ where: { documentId: id, publishedAt: { $notNull: true } } })) as {
      publishedAt: string;
    };
    console.log(
      `定时发布: published ${new Date(published.publishedAt).getTime() - Date.parse(scheduled.body.schedule.publishAt)} ms after its time`,
    );
    expect((await call(people.chief, 'GET', schedulePath(id))).body.schedule).toMatchObject({ state: 'published', outcome: null });
    expect(await journalUpserts(id)).toBe(1);
    expect(await cms.strapi.db.query(UID.outboxEvent).count({ where: { recordId: id } })).toBe(1);
    expect((await logOf(id)).slice(-2)).toMatchObject([
      { action: 'schedule', actorName: '测试主编', comment: expect.stringMatching(/^定于\d{4}年\d+月\d+日 \d+:\d{2}（北京时间）发布$/) },
      { action: 'scheduled-publish', actorName: '测试主编', comment: expect.stringMatching(/^按预定时间.+发布$/) },
    ]);
    // The author is told as of any publish.
    await vi.waitFor(async () => {
      const { body } = await call(people.reporter, 'GET', '/campaign-desk/notices');
      expect(body.notices[0]).toMatchObject({ kind: 'published', storyId: id });
    });
  });

  it('refuses a time that is past, not a time or too far ahead, naming the story and the field', async () => {
    const id = await approved('时间不对');
    const refused = async (body: unknown) => {
      const answer = await call(people.chief, 'PUT', schedulePath(id), body);
      expect(answer.status).toBe(400);
      return answer.body.error as { message: string; details: { errors: Array<{ path: string[] }> } };
    };
    expect((await refused({ publishAt: '2020-05-20 07:00' })).message).toBe(
      '稿件《时间不对》的定时发布时间（publishAt）2020年5月20日 7:00已经过去，请选一个将来的时间',
    );
    for (const input of ['明天早上七点', '2026-02-30 07:00', '2026-12-08 25:00', '2026-12-08T07:00:00+99:00']) {
      expect((await refused({ publishAt: input })).message).toBe(
        `稿件《时间不对》的定时发布时间（publishAt）“${input}”不是有效的时间，请按“2026-12-08 07:00”（北京时间）填写`,
      );
    }
    expect((await refused({ publishAt: beijing(3 * 365 * 86_400_000) })).message).toMatch(
      /^稿件《时间不对》的定时发布时间（publishAt）.+太远：最多可提前 90 天安排$/,
    );
    const missing = await refused({ when: beijing(60_000) });
    expect(missing.message).toBe('请写明定时发布时间（publishAt），如“2026-12-08 07:00”（北京时间），不要带其他字段');
    expect(missing.details.errors[0]!.path).toEqual(['publishAt']);
    expect((await call(people.chief, 'GET', schedulePath(id))).body.schedule).toBeNull();
  });

  it('refuses a story that has not passed 终审, and a role that may not publish', async () => {
    const created = await call(people.reporter, 'POST', CM, { title: '还在初审', kind: 'news', body: paragraph('正文') });
    const id = created.body.data.documentId as string;
    expect((await api.review(people.reporter, id, 'submit')).status).toBe(200);
    const early = await call(people.chief, 'PUT', schedulePath(id), { publishAt: beijing(60_000) });
    expect([early.status, early.body.error.message]).toEqual([400, '稿件《还在初审》尚未通过终审（当前：已送审），不能安排定时发布']);

    const ready = await approved('编辑不能定时');
    for (const person of [people.editor, people.reporter]) {
      const answer = await call(person, 'PUT', schedulePath(ready), { publishAt: beijing(60_000) });
      expect([answer.status, answer.body.error.message]).toEqual([
        403,
        '你的角色不能发布这篇稿件，也就不能安排稿件《编辑不能定时》的定时发布',
      ]);
    }
    expect((await call(people.editor, 'GET', schedulePath(ready))).body.maySchedule).toBe(false);
  });

  it('follows the publish permission’s conditions: a publish of one’s own stories schedules only those', async () => {
    const roles = cms.strapi.service('admin::role');
    const role = (await roles.create({ name: '只发自己的稿', code: 'publish-own', description: '' })) as { id: number };
    await roles.assignPermissions(role.id, [
      { action: 'plugin::content-manager.explorer.read', subject: UID.story, properties: {}, conditions: [] },
      { action: 'plugin::content-manager.explorer.publish', subject: UID.story, properties: {}, conditions: ['admin::is-creator'] },
    ]);
    const owner = await api.signUp('publish-own', '自发记者');
    const theirs = await approved('别人的稿');
    const own = await approved('自己的稿');
    await cms.strapi.db.query(UID.story).updateMany({ where: { documentId: own }, data: { createdBy: owner.id } });

    const refused = await call(owner, 'PUT', schedulePath(theirs), { publishAt: beijing(60_000) });
    expect([refused.status, refused.body.error.message]).toEqual([403, '你的角色不能发布这篇稿件，也就不能安排稿件《别人的稿》的定时发布']);
    expect((await call(owner, 'GET', schedulePath(theirs))).body.maySchedule).toBe(false);
    expect((await call(owner, 'GET', schedulePath(own))).body.maySchedule).toBe(true);
    expect((await call(owner, 'PUT', schedulePath(own), { publishAt: beijing(60_000) })).status).toBe(200);
    expect((await call(owner, 'DELETE', schedulePath(own))).status).toBe(200);
  });

  it('is unscheduled by hand, or by an edit that reopens review', async () => {
    const id = await approved('改期再说');
    expect((await call(people.chief, 'PUT', schedulePath(id), { publishAt: beijing(60_000) })).status).toBe(200);
    const cancelled = await call(people.chief, 'DELETE', schedulePath(id));
    expect(cancelled.body.schedule).toMatchObject({ state: 'cancelled', outcome: '测试主编取消了定时发布' });
    const again = await call(people.chief, 'DELETE', schedulePath(id));
    expect([again.status, again.body.error.message]).toEqual([404, '稿件《改期再说》没有待执行的定时发布']);

    expect((await call(people.chief, 'PUT', schedulePath(id), { publishAt: beijing(60_000) })).status).toBe(200);
    const edited = await call(people.reporter, 'PUT', `${CM}/${id}`, { title: '改期再说（修改）' });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const status = (await call(people.chief, 'GET', schedulePath(id))).body;
    expect(status).toMatchObject({ schedule: { state: 'cancelled', outcome: '终审后内容有修改，定时发布已取消' }, maySchedule: false });
    expect((await logOf(id)).slice(-2)).toMatchObject([{ action: 'edit' }, { action: 'unschedule', actorName: '测试记者' }]);
    // Its time passes: nothing goes out.
    await dueNow([id]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await publishedRows(id)).toBe(0);
  });

  it('is cancelled by a publish by hand before its time', async () => {
    const id = await approved('提前发布');
    expect((await call(people.chief, 'PUT', schedulePath(id), { publishAt: beijing(60_000) })).status).toBe(200);
    expect((await call(people.chief, 'POST', `${CM}/${id}/actions/publish`, {})).status).toBe(200);
    expect((await call(people.chief, 'GET', schedulePath(id))).body.schedule).toMatchObject({
      state: 'cancelled',
      outcome: '测试主编已手动发布，定时发布随之取消',
    });
  });

  it('tells whoever scheduled it that it failed, and does not try again', async () => {
    const id = await approved('主编离职');
    const leaving = await api.signUp('campaign-desk-chief-editor', '离职主编');
    expect((await call(leaving, 'PUT', schedulePath(id), { publishAt: beijing(60_000) })).status).toBe(200);
    await cms.strapi.db.query('admin::user').update({ where: { id: leaving.id }, data: { isActive: false } });
    await dueNow([id]);

    const reason = '安排它的测试离职主编已不能发布稿件';
    await vi.waitFor(
      async () =>
        expect((await call(people.chief, 'GET', schedulePath(id))).body.schedule).toMatchObject({ state: 'failed', outcome: reason }),
      { timeout: 20_000, interval: 100 },
    );
    const notices = (await cms.strapi.db.query(UID.notice).findMany({ where: { recipientId: leaving.id, storyId: id } })) as Array<{
      kind: string;
      text: string;
    }>;
    expect(notices).toMatchObject([{ kind: 'failed', text: `稿件《主编离职》定时发布失败：${reason}` }]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await logOf(id)).filter((entry) => entry.action === 'scheduled-publish')).toMatchObject([
      { comment: `定时发布失败：${reason}` },
    ]);
    expect(await publishedRows(id)).toBe(0);
  });

  it('keeps its rows out of reach of the Document Service', async () => {
    await expect(
      cms.strapi
        .documents(UID.schedule)
        .create({ data: { storyId: 'x', publishAt: new Date(), scheduledById: 1, scheduledByName: '某人' } as never }),
    ).rejects.toThrow('定时发布只能在稿件的审稿面板中安排或取消');
  });
});

describe('several instances on one database', () => {
  it.skipIf(process.env.TEST_DATABASE !== 'postgres')('publish each scheduled story exactly once between them', async () => {
    const second = await startCmsProcess(cms);
    try {
      // Approved as an import is (the review itself is not what is tested here).
      const ids: string[] = [];
      for (let i = 1; i <= 8; i += 1) ids.push((await make.story({ title: `双实例定时${i}` }, false)).documentId);
      for (const id of ids) await cms.strapi.plugin(PLUGIN_ID).service('review').approveAsSystem(id, '测试');
      for (const id of ids) expect((await call(people.chief, 'PUT', schedulePath(id), { publishAt: beijing(60_000) })).status).toBe(200);
      // All due at once: both instances find all eight in their next poll.
      await dueNow(ids);

      await vi.waitFor(
        async () => {
          const states = await Promise.all(ids.map(async (id) => (await call(people.chief, 'GET', schedulePath(id))).body.schedule.state));
          expect(states).toEqual(ids.map(() => 'published'));
        },
        { timeout: 30_000, interval: 200 },
      );
      for (const id of ids) {
        expect(await publishedRows(id)).toBe(1);
        expect(await journalUpserts(id)).toBe(1);
        expect(await cms.strapi.db.query(UID.outboxEvent).count({ where: { recordId: id } })).toBe(1);
        expect((await logOf(id)).filter((entry) => entry.action === 'scheduled-publish')).toHaveLength(1);
      }
      const rows = (await cms.strapi.db.query(UID.schedule).findMany({ where: { storyId: { $in: ids } } })) as Array<{ claimedBy: string }>;
      console.log(`定时发布 on two instances: ${new Set(rows.map((row) => row.claimedBy)).size} instance(s) published the 8 stories`);
    } finally {
      await second.stop();
    }
  });
});
