/**
 * 待我审核 and notices through the admin API, as the newsroom meets them: the queue of each
 * person (separation of duties applied), and the notices of a story's way through review in
 * the admin and by email, sent through Strapi's email plugin to an SMTP server on 127.0.0.1;
 * each person choosing which they receive.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { UID } from 'strapi-plugin-campaign-desk/names';
import { adminApi, type Session } from './support/admin-api';
import { paragraph } from './support/fixtures';
import { startSmtp } from './support/smtp';
import { startCms, type TestCms } from './support/strapi';

let cms: TestCms;
let api: ReturnType<typeof adminApi>;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
const CM = `/content-manager/collection-types/${UID.story}`;
const people: Record<'reporter' | 'editor' | 'deskHead' | 'chief', Session> = {} as never;

const call = (session: Session, method: string, path: string, body?: unknown) => api.call(session, method, path, body);
const review = (session: Session, documentId: string, action: string, comment?: string) => api.review(session, documentId, action, comment);
const queueOf = async (session: Session) =>
  (await call(session, 'GET', '/campaign-desk/review-queue')).body.stories as Array<{ documentId: string; actions: string[] }>;
const noticesOf = async (session: Session) =>
  (await call(session, 'GET', '/campaign-desk/notices')).body as {
    notices: Array<{ kind: string; storyId: string; text: string; read: boolean }>;
    unread: number;
  };
const mailsTo = (session: Session) => smtp.mails.filter((mail) => mail.to.includes(session.email));

async function submitted(author: Session, title: string) {
  const created = await call(author, 'POST', CM, { title, kind: 'news', body: paragraph('正文'), summary: '摘要' });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.data.documentId as string;
  expect((await review(author, id, 'submit')).status).toBe(200);
  return id;
}

beforeAll(async () => {
  smtp = await startSmtp();
  cms = await startCms({ env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_FROM: 'desk@newsroom.example.cn' } });
  api = adminApi(cms);
  Object.assign(people, await api.newsroom());
});
afterAll(async () => {
  await cms?.destroy();
  await smtp?.close();
});

describe('待我审核', () => {
  it('holds for each person what waits for a move they may make, and nothing they may not', async () => {
    const id = await submitted(people.reporter, '等待初审');
    const own = await submitted(people.editor, '编辑自己的稿件');
    expect((await queueOf(people.editor)).filter((story) => [id, own].includes(story.documentId))).toEqual([
      expect.objectContaining({ documentId: id, actions: ['first'] }),
    ]);
    expect((await queueOf(people.reporter)).map((story) => story.documentId)).not.toContain(id);

    expect((await review(people.editor, id, 'first')).status).toBe(200);
    // 复审 of the version the editor passed is someone else's.
    expect((await queueOf(people.editor)).map((story) => story.documentId)).not.toContain(id);
    expect((await queueOf(people.deskHead)).find((story) => story.documentId === id)?.actions).toEqual(['second']);

    expect((await review(people.deskHead, id, 'return', '请核实数字')).status).toBe(200);
    expect((await queueOf(people.reporter)).find((story) => story.documentId === id)?.actions).toEqual(['submit']);
    expect((await queueOf(people.deskHead)).map((story) => story.documentId)).not.toContain(id);
  });
});

describe('notices', () => {
  it('tell the reviewers a story waits for them, in the admin and by email', async () => {
    const id = await submitted(people.reporter, '送审通知');
    for (const person of [people.editor, people.deskHead, people.chief]) {
      const { notices } = await noticesOf(person);
      expect(notices[0]).toMatchObject({ kind: 'waiting', storyId: id, text: '稿件《送审通知》已到“已送审”，等你初审通过。', read: false });
      const mail = mailsTo(person).at(-1)!;
      expect(mail.subject).toBe('【待我审核】送审通知');
      // The text, then the story's edit view in the admin.
      expect(mail.text).toMatch(
        new RegExp(
          `^稿件《送审通知》已到“已送审”，等你初审通过。\\s+http://127\\.0\\.0\\.1:\\d+/admin/content-manager/collection-types/${UID.story}/${id}$`,
        ),
      );
    }
    expect((await noticesOf(people.reporter)).notices.some((notice) => notice.storyId === id)).toBe(false);

    // After 初审 only those who may make 复审 are told: not the one who passed it.
    const before = mailsTo(people.editor).length;
    expect((await review(people.editor, id, 'first')).status).toBe(200);
    expect(mailsTo(people.editor)).toHaveLength(before);
    expect(mailsTo(people.deskHead).at(-1)?.text).toContain('稿件《送审通知》已到“初审通过”，等你复审通过。');
  });

  it('tell the reporter a returned story came back, with the reason', async () => {
    const id = await submitted(people.reporter, '退回通知');
    expect((await review(people.editor, id, 'return', '导语太长，请压缩到一百字')).status).toBe(200);
    const text = '稿件《退回通知》被测试编辑退回修改，意见：导语太长，请压缩到一百字';
    expect((await noticesOf(people.reporter)).notices[0]).toMatchObject({ kind: 'returned', storyId: id, text });
    expect(mailsTo(people.reporter).at(-1)?.subject).toBe('【退回给我】退回通知');
    expect(mailsTo(people.reporter).at(-1)?.text).toContain(text);
  });

  it('tell the author a story was published, or failed to publish and why', async () => {
    const id = await submitted(people.reporter, '发布通知');
    const failed = await call(people.chief, 'POST', `${CM}/${id}/actions/publish`, {});
    expect(failed.status).toBe(400);
    // Told once the content manager's transaction has ended.
    await vi.waitFor(async () =>
      expect((await noticesOf(people.reporter)).notices[0]).toMatchObject({
        kind: 'failed',
        text: '稿件《发布通知》发布失败：稿件尚未通过终审（当前：已送审），不能发布',
      }),
    );
    expect((await review(people.editor, id, 'first')).status).toBe(200);
    expect((await review(people.deskHead, id, 'second')).status).toBe(200);
    expect((await review(people.chief, id, 'final')).status).toBe(200);
    expect((await call(people.chief, 'POST', `${CM}/${id}/actions/publish`, {})).status).toBe(200);
    await vi.waitFor(async () => {
      expect((await noticesOf(people.reporter)).notices[0]).toMatchObject({
        kind: 'published',
        storyId: id,
        text: '稿件《发布通知》已发布。',
      });
      expect(mailsTo(people.reporter).at(-1)?.subject).toBe('【已发布】发布通知');
    });
  });

  it('are each person’s choice, per kind, in the admin and by email; read ones stay listed, unread counted', async () => {
    const settings = (await call(people.deskHead, 'GET', '/campaign-desk/notices/settings')).body;
    expect(settings.email.waiting).toBe(true);
    const chosen = { admin: { ...settings.admin, waiting: false }, email: { ...settings.email, waiting: false } };
    expect((await call(people.deskHead, 'PUT', '/campaign-desk/notices/settings', chosen)).body).toEqual(chosen);
    const bad = await call(people.deskHead, 'PUT', '/campaign-desk/notices/settings', { admin: { waiting: 'yes' } });
    expect(bad.status).toBe(400);

    const mails = mailsTo(people.deskHead).length;
    const id = await submitted(people.reporter, '不想收到');
    expect(mailsTo(people.deskHead)).toHaveLength(mails);
    expect((await noticesOf(people.deskHead)).notices.some((notice) => notice.storyId === id)).toBe(false);
    expect((await noticesOf(people.editor)).notices[0]?.storyId).toBe(id);

    expect((await noticesOf(people.editor)).unread).toBeGreaterThan(0);
    const read = (await call(people.editor, 'POST', '/campaign-desk/notices/read')).body;
    expect(read.unread).toBe(0);
    expect(read.notices[0]).toMatchObject({ storyId: id, read: true });
  });
});
