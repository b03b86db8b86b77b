/// <reference lib="dom" />
/**
 * The editor's day in Debian's Chromium at 1366×900, each role with its own login: the
 * 编辑 finds a submitted story in 待我审核 on the admin home with its notice, opens it, opens its
 * 预览 (the publisher's preview address of the draft, with a token the CMS takes; the publisher's
 * rendering is publisher/tests' and deploy/tests') and passes it from the 审稿 panel, which names the story's review chain (三审 per outlet) and
 * the word check's hits; the 记者 finds the story returned with its reason; the 编辑 sees
 * what the reporter's edit changed since the pass; the 主编 passes 终审 with a written
 * acknowledgement of the hits, schedules it (定时发布) from the panel, finds it in 待我审核 and
 * cancels it; a person chooses which notices they get; a published story is copied for the
 * 公众号 with one click and pasted, through the real clipboard, into a plain contenteditable
 * with its formatting and picture.
 * Runs once, on SQLite: the pages are the same whatever the database.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, openAdmin } from '@campaign-desk/testing/admin-browser';
import { launchChromium } from '@campaign-desk/testing/browser';
import { formatChineseDateTime } from '@campaign-desk/shared';
import { PLUGIN_ID, UID } from 'strapi-plugin-campaign-desk/names';
import { adminApi, type Session } from '../support/admin-api';
import { fixtures, paragraph } from '../support/fixtures';
import { startReceiver, type Receiver } from '../support/receiver';
import { startCms, type TestCms } from '../support/strapi';

const SITE = 'https://site.example.test/zt/liuda/';
let cms: TestCms;
let receiver: Receiver;
let browser: Browser;
let api: ReturnType<typeof adminApi>;
const people: Record<'reporter' | 'editor' | 'deskHead' | 'chief', Session> = {} as never;
const problems: string[] = [];
let storyId: string;
let outlet: string;

async function pageOf(person: Session): Promise<Page> {
  const { page } = await openAdmin(browser, cms.url);
  // A loaded CI machine renders the content manager slowly; what is waited for still has to come.
  page.setDefaultTimeout(90_000);
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
  await logIn(page, person);
  return page;
}

beforeAll(async () => {
  receiver = await startReceiver();
  cms = await startCms({
    env: {
      CAMPAIGN_DESK_REVIEW_PER_OUTLET: 'true',
      // 预览 needs a publisher (its build hook's secret signs the links) and the site's address.
      SITE_URL: SITE,
      CAMPAIGN_DESK_BUILD_HOOKS: JSON.stringify([{ name: 'site', url: receiver.url, secret: receiver.secret }]),
    },
  });
  const participation = `plugin::${PLUGIN_ID}.participation`;
  cms.strapi.config.set(participation, { ...(cms.strapi.config.get(participation) as object), sensitiveWords: ['夜班'] });
  api = adminApi(cms);
  Object.assign(people, await api.newsroom());
  outlet = (await fixtures(cms.strapi).outlet({ name: '香城都市报' })).documentId;
  const chain: Array<[Session, string, Record<string, boolean>]> = [
    // The reporter's own outlet: with chains per outlet a story goes only to its author's.
    [people.reporter, '都市报记者', {}],
    [people.editor, '都市报编辑', { firstReview: true }],
    [people.deskHead, '都市报主任', { secondReview: true }],
    [people.chief, '总编辑', { finalReview: true, allOutlets: true }],
  ];
  for (const [person, name, reviews] of chain) {
    await cms.strapi.documents(UID.staffMember as never).create({ data: { name, email: person.email, outlet, ...reviews } } as never);
  }
  const created = await api.call(people.reporter, 'POST', `/content-manager/collection-types/${UID.story}`, {
    title: '都市报夜班稿件',
    kind: 'news',
    body: paragraph('正文'),
    summary: '摘要',
    outlet: { connect: [{ documentId: outlet }] },
  });
  storyId = created.body.data.documentId;
  expect((await api.review(people.reporter, storyId, 'submit')).status).toBe(200);
  browser = await launchChromium();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await cms?.destroy();
  await receiver?.close();
});

describe('the editor’s day', () => {
  it('编辑：待我审核 and the notice on the home page, the chain in the panel, 初审 passed from it', async () => {
    const page = await pageOf(people.editor);
    await expect.poll(() => page.getByTestId('review-queue-count').textContent(), { timeout: 30_000 }).toBe('1 篇稿件等你处理');
    await page.getByText('稿件《都市报夜班稿件》已到“已送审”，等你初审通过。').waitFor();
    await page.getByRole('link', { name: '都市报夜班稿件' }).first().click();
    await page.waitForURL(`**/content-manager/collection-types/${UID.story}/${storyId}**`);
    await page.getByText('审稿链（按媒体）').waitFor();
    await page.getByText('首发媒体：香城都市报').waitFor();
    await page.getByText('终审通过：总编辑（跨媒体）').waitFor();
    await expect.poll(() => page.getByTestId('word-hits').textContent()).toBe('敏感词检查标题：夜班');
    // 预览 opens the publisher's preview address of this draft in a new tab, with a token the CMS takes.
    const asked: string[] = [];
    await page.context().route(`${SITE}_preview/**`, (route) => {
      asked.push(route.request().url());
      return route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<p>publisher</p>' });
    });
    const [tab] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('review-preview').click()]);
    await tab.waitForURL(`${SITE}_preview/?token=*`);
    const token = new URL(tab.url()).searchParams.get('token')!;
    const draft = (await (await fetch(`${cms.url}/api/campaign-desk/preview?token=${encodeURIComponent(token)}`)).json()) as {
      record: { documentId: string; title: string };
    };
    expect(draft.record).toMatchObject({ documentId: storyId, title: '都市报夜班稿件' });
    expect(asked).toHaveLength(1);
    await tab.close();
    await page.getByRole('button', { name: '初审通过' }).click();
    await page.getByText('已初审通过').waitFor();
    expect((await api.call(people.editor, 'GET', `/campaign-desk/stories/${storyId}/review`)).body.stage).toBe('first_passed');
    await page.goto(`${cms.url}/admin`);
    await page.getByText('没有等你处理的稿件。').waitFor();
  });

  it('记者：the returned story and its reason on the home page, waiting for 送审', async () => {
    expect((await api.review(people.deskHead, storyId, 'return', '请补充采访对象的职务')).status).toBe(200);
    const page = await pageOf(people.reporter);
    await page.getByText('稿件《都市报夜班稿件》被测试部门主任退回修改，意见：请补充采访对象的职务').waitFor();
    await expect.poll(() => page.getByTestId('review-queue-count').textContent(), { timeout: 30_000 }).toBe('1 篇稿件等你处理');
    await page.getByText('待送审').waitFor();
  });

  it('编辑：what the reporter’s edit changed since 初审, block by block, in the panel', async () => {
    expect(
      (await api.call(people.reporter, 'PUT', `/content-manager/collection-types/${UID.story}/${storyId}`, { summary: '摘要（补充职务）' }))
        .status,
    ).toBe(200);
    expect((await api.review(people.reporter, storyId, 'submit')).status).toBe(200);
    const page = await pageOf(people.editor);
    await page.goto(`${cms.url}/admin/content-manager/collection-types/${UID.story}/${storyId}`);
    const changes = page.getByTestId('changes-since-pass');
    await changes.getByText('摘要（修改）').waitFor();
    expect(await changes.locator('ins').allTextContents()).toEqual(['（补充职务）']);
    await changes.getByText(/对照测试编辑初审通过的版本/).waitFor();
    await page.getByRole('button', { name: '初审通过' }).click();
    await page.getByText('已初审通过').waitFor();
  });

  it('主编：终审 with the word check’s hits needs a written acknowledgement, logged', async () => {
    expect((await api.review(people.deskHead, storyId, 'second')).status).toBe(200);
    const page = await pageOf(people.chief);
    await page.goto(`${cms.url}/admin/content-manager/collection-types/${UID.story}/${storyId}`);
    const pass = page.getByRole('button', { name: '终审通过' });
    await pass.waitFor();
    expect(await pass.isDisabled()).toBe(true);
    await page.getByLabel('终审说明').fill('“夜班”指编辑部夜班，非敏感用法');
    await pass.click();
    await page.getByText('已终审通过').waitFor();
    await page.getByText('终审说明：“夜班”指编辑部夜班，非敏感用法').waitFor();
  });

  it('主编：定时发布 from the panel, shown in the panel and in 待我审核, then cancelled', async () => {
    const page = await pageOf(people.chief);
    await page.goto(`${cms.url}/admin/content-manager/collection-types/${UID.story}/${storyId}`);
    // Tomorrow 07:00, Beijing time, as the browser's date-and-time field takes it.
    const day = new Date(Date.now() + 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    const when = `${formatChineseDateTime(`${day}T07:00:00+08:00`)}（北京时间）`;
    await page.getByLabel('发布时间').fill(`${day}T07:00`);
    await page.getByRole('button', { name: '定时发布', exact: true }).click();
    await page.getByText('已安排定时发布').waitFor();
    await page.getByTestId('schedule').getByText(`等待发布：${when}，测试主编安排`).waitFor();

    await page.goto(`${cms.url}/admin`);
    const queue = page.getByTestId('scheduled');
    await queue.getByText('1 篇稿件定时发布').waitFor();
    await queue.getByText(`${when}· 测试主编安排`).waitFor();
    await queue.getByRole('link', { name: '都市报夜班稿件' }).click();
    await page.getByRole('button', { name: '取消定时发布' }).click();
    await page.getByTestId('schedule').getByText(`已取消：${when}，测试主编安排；测试主编取消了定时发布`).waitFor();
    await page.goto(`${cms.url}/admin`);
    await page.getByText('没有等你处理的稿件。').waitFor();
    expect(await page.getByTestId('scheduled').count()).toBe(0);
  });

  it('主编：chooses which notices they receive, in the admin and by email', async () => {
    const page = await pageOf(people.chief);
    await page.goto(`${cms.url}/admin/settings/notices`);
    const email = page.getByRole('checkbox', { name: '已发布' }).nth(1);
    await email.click();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存').waitFor();
    const settings = (await api.call(people.chief, 'GET', '/campaign-desk/notices/settings')).body;
    expect(settings).toEqual({
      admin: { waiting: true, returned: true, published: true, failed: true },
      email: { waiting: true, returned: true, published: false, failed: true },
    });
  });

  it('编辑：copies a published story for the 公众号; pasted into a plain contenteditable it keeps its formatting and picture', async () => {
    const picture = (await api.upload(people.reporter, 'gongzhonghao')).body[0] as Record<string, unknown>;
    const created = await api.call(people.reporter, 'POST', `/content-manager/collection-types/${UID.story}`, {
      title: '交付公众号的稿件',
      kind: 'news',
      summary: '摘要',
      body: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', text: '加粗的话', bold: true },
            { type: 'text', text: '和平常的话' },
          ],
        },
        { type: 'image', image: picture, children: [{ type: 'text', text: '' }] },
      ],
      outlet: { connect: [{ documentId: outlet }] },
    });
    const id = created.body.data.documentId as string;
    await api.approve(people, id);
    expect((await api.call(people.chief, 'POST', `/content-manager/collection-types/${UID.story}/${id}/actions/publish`, {})).status).toBe(
      200,
    );

    const { context, page } = await openAdmin(browser, cms.url);
    page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: cms.url });
    await logIn(page, people.editor);
    await page.goto(`${cms.url}/admin/content-manager/collection-types/${UID.story}/${id}`);
    await page.getByRole('button', { name: '复制公众号格式' }).click();
    await page.getByText(/已复制：在公众号编辑器里粘贴即可/).waitFor();
    // Recorded in the story's review log, which the panel reads again.
    await page.getByText(/：交付公众号$/).waitFor();

    const editor = await context.newPage();
    await editor.setContent('<div contenteditable="true" style="min-height:100px"></div>');
    await editor.locator('[contenteditable]').click();
    await editor.keyboard.press('Control+V');
    const pasted = editor.locator('[contenteditable]');
    await pasted.locator('img').waitFor();
    expect(await pasted.locator('strong').first().textContent()).toBe('加粗的话');
    expect(await pasted.locator('strong').first().getAttribute('style')).toContain('font-weight:bold');
    expect(
      await pasted
        .locator('p')
        .first()
        .evaluate((p) => getComputedStyle(p).lineHeight),
    ).toBe('28px');
    const loaded = await pasted.locator('img').evaluate(async (img: HTMLImageElement) => {
      await img.decode().catch(() => undefined);
      return img.naturalWidth;
    });
    expect(loaded).toBeGreaterThan(0);
    expect(await pasted.getByText(/^来源：香城都市报$/).count()).toBe(1);
    expect(await pasted.locator('a').last().getAttribute('href')).toMatch(/\/stories\/[^/]+\/$/);
    expect(await pasted.locator('[class], [id], script, iframe').count()).toBe(0);
    await context.close();
  });

  it('logs no error in the browser', () => {
    expect(problems).toEqual([]);
  });
});
