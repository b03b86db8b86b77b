/**
 * 预览 through Strapi's Preview feature: the admin's preview URL of a story (the publisher's
 * `_preview/` under the site's path, with a short-lived token signed for someone signed in),
 * and the draft route the publisher reads with that token, refused without a good one. The
 * publisher's side (rendering, banner, refusals) is publisher/tests/publisher.test.ts's. A token
 * stops working once its person is blocked or may no longer read the story.
 * Nothing here differs between SQLite and PostgreSQL, so it runs once, on SQLite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPreviewToken, verifyPreviewToken } from '@campaign-desk/shared';
import { UID } from 'strapi-plugin-campaign-desk/names';
import { adminApi, type Session } from './support/admin-api';
import { fixtures } from './support/fixtures';
import { startReceiver, type Receiver } from './support/receiver';
import { startCms, type TestCms } from './support/strapi';

const SITE = 'https://site.example.test/zt/liuda/';

let cms: TestCms;
let receiver: Receiver;
let editor: Session;

const previewUrl = (session: Session | null, documentId: string) =>
  fetch(`${cms.url}/content-manager/preview/url/${UID.story}?documentId=${documentId}&status=draft`, {
    headers: session ? { Authorization: `Bearer ${session.token}` } : {},
  });
const draftOf = async (token?: string) => {
  const response = await fetch(`${cms.url}/api/campaign-desk/preview${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`);
  return { status: response.status, body: (await response.json()) as { record?: Record<string, unknown>; error?: { message: string } } };
};

describe.skipIf(process.env.TEST_DATABASE === 'postgres')('a draft’s preview', () => {
  beforeAll(async () => {
    receiver = await startReceiver();
    cms = await startCms({
      env: { SITE_URL: SITE, CAMPAIGN_DESK_BUILD_HOOKS: JSON.stringify([{ name: 'site', url: receiver.url, secret: receiver.secret }]) },
    });
    editor = await adminApi(cms).signUp('campaign-desk-editor', '编辑');
  });
  afterAll(async () => {
    await cms?.destroy();
    await receiver?.close();
  });

  it('is linked from the edit view for someone signed in, and hands the draft, not the published story, to the publisher', async () => {
    const make = fixtures(cms.strapi);
    const story = await make.story({ title: '已经发布的标题' });
    await cms.strapi.documents(UID.story).update({ documentId: story.documentId, data: { title: '草稿里改过的标题' } } as never);

    expect((await previewUrl(null, story.documentId)).status).toBe(401);
    const answer = (await (await previewUrl(editor, story.documentId)).json()) as { data: { url: string } };
    const url = new URL(answer.data.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${SITE}_preview/`);
    const token = url.searchParams.get('token')!;
    expect(await verifyPreviewToken(receiver.secret, token)).toEqual({ ok: true, documentId: story.documentId, viewerId: editor.id });

    const { status, body } = await draftOf(token);
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.record).toMatchObject({ type: 'story', documentId: story.documentId, title: '草稿里改过的标题', slug: story.slug });
  });

  it('gives no draft without a good token, and a never-published draft dated as its publish would', async () => {
    const { documentId } = await fixtures(cms.strapi).story({ title: '不给看' }, false);
    expect(await draftOf()).toMatchObject({ status: 400, body: { error: { message: '预览须带上后台给出的 token' } } });
    const expired = await signPreviewToken(receiver.secret, documentId, editor.id, new Date(Date.now() - 3_600_000));
    expect(await draftOf(expired)).toMatchObject({ status: 403, body: { error: { message: '预览链接已过期，请回到后台重新打开预览' } } });
    const forged = await signPreviewToken('another-secret-0123456789', documentId, editor.id);
    expect(await draftOf(forged)).toMatchObject({ status: 403, body: { error: { message: '预览链接无效' } } });
    // A story never published is shown dated now, as its publish would date it.
    const good = await draftOf(await signPreviewToken(receiver.secret, documentId, editor.id));
    expect(good.body.record).toMatchObject({ title: '不给看', date: expect.any(String) });
    const gone = await signPreviewToken(receiver.secret, 'nosuchdocument', editor.id);
    expect(await draftOf(gone)).toMatchObject({ status: 404, body: { error: { message: '没有找到稿件 nosuchdocument 的草稿' } } });
  });

  it('stops working when its person is blocked or may no longer read the story', async () => {
    const { documentId } = await fixtures(cms.strapi).story({ title: '离岗之后' }, false);
    const users = cms.strapi.db.query('admin::user');
    for (const [person, change, message] of [
      [await adminApi(cms).signUp('campaign-desk-editor', '停用编辑'), { isActive: false }, '打开这个预览的账号已停用，预览链接失效'],
      [
        await adminApi(cms).signUp('campaign-desk-editor', '转岗编辑'),
        { roles: [await roleWithoutStories()] },
        '打开这个预览的账号已不能查看这篇稿件，预览链接失效',
      ],
    ] as const) {
      const token = new URL(((await (await previewUrl(person, documentId)).json()) as { data: { url: string } }).data.url).searchParams.get(
        'token',
      )!;
      expect((await draftOf(token)).status).toBe(200);
      await users.update({ where: { id: person.id }, data: change });
      expect(await draftOf(token)).toMatchObject({ status: 403, body: { error: { message } } });
    }
    const gone = await signPreviewToken(receiver.secret, documentId, 999_999);
    expect(await draftOf(gone)).toMatchObject({ status: 403, body: { error: { message: '打开这个预览的账号已停用，预览链接失效' } } });
  });
});

/** A role that may read no story (what a person moved off the desk holds). */
async function roleWithoutStories(): Promise<number> {
  const role = (await cms.strapi.service('admin::role').create({ name: '行政', code: 'no-stories', description: '不看稿件' })) as {
    id: number;
  };
  return role.id;
}
