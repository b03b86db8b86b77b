/// <reference lib="dom" />
/**
 * The 统计 page and the 周报 in Debian's Chromium at desktop width, as the chief editor
 * uses them: charts drawn, who is still missing from 全覆盖 shown, the workbook downloaded,
 * the report printable on its own; 群众来稿 showing a reader's photo that is not public yet;
 * and no error in the browser's console. Needs the admin
 * panel built (once per run while its sources stay the same: @campaign-desk/testing).
 * Runs once, on SQLite: the pages are the same whatever the database.
 */
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '@campaign-desk/testing/browser';
import { goodDeedFormSchema } from '@campaign-desk/shared';
import { createAdminAccount } from '@campaign-desk/testing/newsroom';
import { PLUGIN_ID, UID } from 'strapi-plugin-campaign-desk/names';
import plan from '../../../scripts/seed/plan.json';
import { fixtures } from '../support/fixtures';
import { startCms, type TestCms } from '../support/strapi';

describe('the 统计 page', () => {
  let cms: TestCms;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    cms = await startCms();
    await cms.strapi
      .plugin(PLUGIN_ID)
      .service('seed')
      .load(
        {
          ...plan,
          stories: ['2020-06-01', '2020-06-02', '2020-06-03'].map((day, n) => ({
            slug: `page-story-${n}`,
            title: `统计页面测试稿件 ${n}`,
            date: `${day}T09:00:00+08:00`,
            body: ['正文。'],
            kind: '消息',
            outlet: 'xianning-ribao',
            columns: [plan.columns[0]!.slug],
            theme: 'shifanqu',
            sample: false,
          })),
        },
        'statistics page',
      );
    const evidence = await fixtures(cms.strapi).image('page');
    const id = async (uid: string, slug: string) =>
      ((await cms.strapi.db.query(uid as never).findOne({ where: { slug } })) as { documentId: string }).documentId;
    await cms.strapi.documents(UID.placement).create({
      data: {
        story: await id(UID.story, 'page-story-0'),
        outlet: await id(UID.outlet, 'hubei-ribao'),
        state: 'verified',
        date: '2020-06-02',
        slot: '第3版',
        evidence: evidence.id,
        sample: false,
      },
    } as never);
    const login = await createAdminAccount(cms.strapi, 'campaign-desk-chief-editor', '主编');

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
    await page.goto(`${cms.url}/admin/auth/login`);
    await page.locator('input[name="email"]').fill(login.email);
    await page.locator('input[name="password"]').fill(login.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await cms?.destroy();
  });

  it('draws the figures and shows who is still missing from 全覆盖', async () => {
    await page.goto(`${cms.url}/admin/plugins/${PLUGIN_ID}/statistics`);
    await page.getByRole('heading', { name: '央媒、省媒覆盖' }).waitFor({ timeout: 60_000 });
    // One chart per timeline, grouping and the pipeline, each drawn on a canvas.
    await expect.poll(() => page.locator('[role="img"] canvas').count(), { timeout: 30_000 }).toBe(10);
    const missing = await page.getByText(/^尚未刊播：/).textContent();
    expect(missing).toContain('人民日报');
    expect(missing).not.toContain('湖北日报');
    await expect.poll(() => page.getByText('发稿量').first().isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });

  it('downloads the workbook for the 六大办', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 Excel（全部表格）' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^“六大”活动宣传统计_2020-04-21_\d{4}-\d{2}-\d{2}\.xlsx$/);
  });

  it('prints the 周报 on its own', async () => {
    await page.goto(`${cms.url}/admin/plugins/${PLUGIN_ID}/statistics/weekly?week=2020-06-03`);
    const report = page.locator('#weekly-report');
    await report.getByRole('heading', { name: '“六大”活动宣传工作周报' }).waitFor({ timeout: 60_000 });
    expect(await report.textContent()).toContain('本周各媒体共发布“六大”活动稿件 3 篇');
    expect(await report.textContent()).toContain('湖北日报 1 次');
    await page.emulateMedia({ media: 'print' });
    const visibility = await page.evaluate(() => ({
      report: getComputedStyle(document.querySelector('#weekly-report')!).visibility,
      menu: getComputedStyle(document.querySelector('nav')!).visibility,
    }));
    expect(visibility).toEqual({ report: 'visible', menu: 'hidden' });
    await page.emulateMedia({ media: 'screen' });
  });

  it('shows a waiting good deed’s photo on 群众来稿, read with the moderator’s token (it has no public address)', async () => {
    const photo = await sharp({ create: { width: 90, height: 60, channels: 3, background: '#a4161a' } })
      .jpeg()
      .toBuffer();
    await cms.strapi
      .plugin(PLUGIN_ID)
      .service('submissions')
      .receive(
        {
          form: 'good-deed',
          fields: goodDeedFormSchema.parse({
            doer: '照片待审的好人',
            place: 'tongshan',
            date: '2020-06-05',
            description: '帮邻居修好了漏雨的屋顶。',
            consent: 'on',
          }),
        },
        { proof: null, photo },
      );
    await page.goto(`${cms.url}/admin/plugins/${PLUGIN_ID}/submissions`);
    const shown = page.getByRole('article').filter({ hasText: '照片待审的好人' }).getByRole('img', { name: '读者上传的照片' });
    await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 30_000 }).toBe(90);
    expect(await shown.getAttribute('src')).toMatch(/^blob:/);
  });

  it('logs no error in the browser', () => {
    expect(problems).toEqual([]);
  });
});
