/**
 * Public participation end to end, as people do it: a reader on a phone-sized browser sends
 * a suggestion from the published site without JavaScript and with it, and answers the
 * 知识竞答 both ways (whose answers are nowhere in the site); an editor finds both
 * in the admin's 群众来稿 queue, adopts one with a reply, and it appears on the site's wall
 * after the publisher's release. A good deed reported with a photo joins the relay once
 * accepted, and is liked (点赞) both ways. Flooding the route is turned away while the newsroom keeps working.
 */
import sharp from 'sharp';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '@campaign-desk/testing/browser';
import { UID } from 'strapi-plugin-campaign-desk/names';
import plan from '../../scripts/seed/plan.json';
import { sampleQuizzes } from '../../scripts/seed/sample-quiz';
import { quizIsAnswered, siteHoldsNoAnswers } from './support/quiz';
import { call, signUp, type Person } from '@campaign-desk/testing/newsroom';
import { startSystem, waitFor, type CampaignSystem } from './support/system';

let system: CampaignSystem;
let browser: Browser;
let editor: Person;

const PHONE = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

const idle = () =>
  waitFor(async () => {
    const status = await system.publisher.status();
    return status && !status.building && !status.queued && status.live ? status : null;
  }, 'the publisher to be idle');

/** The submissions as the queue holds them, by text. */
async function submission(where: Record<string, unknown>) {
  return waitFor(
    async () => (await system.strapi.db.query(UID.submission).findOne({ where })) as Record<string, any> | null,
    `a submission ${JSON.stringify(where)}`,
    20_000,
  );
}

async function reader(javaScriptEnabled: boolean): Promise<BrowserContext> {
  return browser.newContext({ ...PHONE, javaScriptEnabled });
}

beforeAll(async () => {
  // Under a portal's path, as a 专栏 is served: the forms' answers and the site's pages come back under it.
  system = await startSystem({ ...plan, ...sampleQuizzes() }, { base: '/zt/liuda/' });
  editor = await signUp({ strapi: system.strapi, url: system.cmsUrl }, 'campaign-desk-editor', '编辑');
  browser = await launchChromium();
  await idle();
});
afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

describe('a reader’s suggestion', () => {
  const plain = '建议在咸宁高新区设立企业服务一站式窗口，把审批、招聘和融资对接集中办理。';
  const scripted = '建议沿淦河建设连续的滨水绿道，串起沿线公园和学校，方便市民步行和骑行。';

  it('is sent from a phone without JavaScript and lands on the thank-you page', async () => {
    const context = await reader(false);
    try {
      const page = await context.newPage();
      await page.goto(system.publisher.pageUrl('/jianyan/'));
      // No horizontal scroll at 375 px (the page's own width against the viewport's).
      const widths = await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]');
      expect((widths as [number, number])[0]).toBeLessThanOrEqual((widths as [number, number])[1]);
      await page.getByLabel('特色产业增长极').check();
      await page.getByLabel('建议内容').fill(plain);
      await page.getByLabel('联系方式（选填）').fill('13800138000');
      await page.getByLabel(/我已阅读并同意/).check();
      await Promise.all([page.waitForURL(system.publisher.pageUrl('/xiexie/')), page.getByRole('button', { name: '提交建议' }).click()]);
      expect(await page.locator('h1').textContent()).toBe('感谢您的参与');
      expect(await submission({ text: plain })).toMatchObject({ status: 'pending', proven: false, topic: 'zengzhangji' });
    } finally {
      await context.close();
    }
  });

  it('is sent in place with JavaScript, after the browser solved the proof of work', async () => {
    const context = await reader(true);
    try {
      const page = await context.newPage();
      await page.goto(system.publisher.pageUrl('/jianyan/'));
      await page.getByLabel('自然生态公园城市').check();
      await page.getByLabel('建议内容').fill(scripted);
      await page.getByLabel('署名（选填）').fill('咸安区居民');
      await page.getByLabel(/我已阅读并同意/).check();
      await page.getByRole('button', { name: '提交建议' }).click();
      await expect.poll(() => page.locator('#suggest .form-status').textContent(), { timeout: 60_000 }).toContain('提交成功');
      expect(page.url()).toBe(system.publisher.pageUrl('/jianyan/'));
      expect(await submission({ text: scripted })).toMatchObject({ status: 'pending', proven: true, name: '咸安区居民' });
    } finally {
      await context.close();
    }
  });

  it('is adopted with a reply by an editor in the admin’s 群众来稿 queue, and appears on the wall after the release', async () => {
    const before = (await idle()).builds;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${system.cmsUrl}/admin/auth/login`);
      await page.locator('input[name="email"]').fill(editor.email);
      await page.locator('input[name="password"]').fill(editor.password);
      await page.locator('button[type="submit"]').click();
      await page.waitForURL(/\/admin(\/)?$/, { timeout: 60_000 });
      await page.goto(`${system.cmsUrl}/admin/plugins/campaign-desk/submissions`);
      const item = page.locator('article', { hasText: scripted });
      await item.waitFor({ timeout: 60_000 });
      // Both suggestions wait in the queue; the plain one is marked as sent without the proof of work.
      await expect.poll(() => page.locator('article', { hasText: plain }).textContent()).toContain('未经人机验证');
      await expect.poll(() => page.locator('article', { hasText: plain }).textContent()).toContain('13800138000');
      await item.getByLabel('回复').fill('感谢建议。淦河绿道已列入建设项目，部分路段年内开工。');
      await item.getByRole('button', { name: '采纳并发布' }).click();
      await expect.poll(() => page.getByText('已采纳并发布').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
    const adopted = await submission({ text: scripted, status: 'adopted' });
    const wall = await waitFor(async () => {
      const page = await system.publisher.get('/jianyan/');
      return page.text.includes(`id="s-${adopted.publishedAs}"`) ? page.text : null;
    }, 'the adopted suggestion on the wall');
    expect(wall).toContain('淦河绿道已列入建设项目');
    expect(wall).toContain('咸安区居民');
    expect(wall).not.toContain('13800138000');
    expect((await idle()).builds).toBeGreaterThan(before);
  });
});

describe('a good deed a reader reports', () => {
  it('with a photo joins the relay count once accepted, marked as reported by the public', async () => {
    const relay = async () => {
      const page = await system.publisher.get('/goodDeeds/');
      return Number(/<strong>(\d+)<\/strong><span>件好事已接力/.exec(page.text)?.[1]);
    };
    const before = await relay();
    const context = await reader(true);
    try {
      const page = await context.newPage();
      await page.goto(system.publisher.pageUrl('/figures/tang-guangyou/'));
      await page.getByLabel('做好事的人').fill('通山县某村党员');
      await page.getByLabel('地点').selectOption('tongshan');
      await page.getByLabel('日期').fill('2020-06-05');
      await page.getByLabel('做了什么好事').fill('冒雨帮助村民抢收晾晒的稻谷，没留姓名就走了。');
      const photo = await sharp({ create: { width: 2400, height: 1800, channels: 3, background: '#1e6b2e' } })
        .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '29/1 50/1 0/1' } })
        .jpeg()
        .toBuffer();
      await page.getByLabel('照片（选填）').setInputFiles({ name: 'IMG_2020.JPG', mimeType: 'image/jpeg', buffer: photo });
      await page.getByLabel(/我已阅读并同意/).check();
      await page.getByRole('button', { name: '提交好人好事' }).click();
      await expect.poll(() => page.locator('#report-form .form-status').textContent(), { timeout: 60_000 }).toContain('提交成功');
    } finally {
      await context.close();
    }
    const reported = await submission({ doer: '通山县某村党员' });
    const adopted = await call(
      { strapi: system.strapi, url: system.cmsUrl },
      editor,
      'POST',
      `/campaign-desk/submissions/${reported.documentId}/moderate`,
      {
        action: 'adopt',
        title: '党员冒雨帮村民抢收稻谷',
      },
    );
    expect(adopted.status, JSON.stringify(adopted.body)).toBe(200);
    await waitFor(async () => (await relay()) === before + 1, 'the relay count to grow');
    const page = (await system.publisher.get('/goodDeeds/')).text;
    const deed = /<li class="story-card" id="deed-[^"]+">(?:(?!<\/li>)[\s\S])*党员冒雨帮村民抢收稻谷[\s\S]*?<\/li>/.exec(page)![0];
    expect(deed).toContain('群众报告');
    expect(deed).toMatch(/<picture>/);
  });

  it('is liked at 375 px without JavaScript (a page with the count), and with it shows the count, once a day', async () => {
    const card = (page: import('playwright-core').Page) => page.locator('li.story-card', { hasText: '党员冒雨帮村民抢收稻谷' });
    const plain = await reader(false);
    try {
      const page = await plain.newPage();
      await page.goto(system.publisher.pageUrl('/goodDeeds/'));
      const widths = (await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')) as [number, number];
      expect(widths[0]).toBeLessThanOrEqual(widths[1]);
      await Promise.all([page.waitForURL(/\/participation\/like\/good-deed\//), card(page).getByRole('button', { name: '点赞' }).click()]);
      expect(await page.locator('h1').textContent()).toBe('点赞成功，谢谢您的支持！');
      expect(await page.locator('p strong').textContent()).toBe('1');
      // Back to the site (to the very page when the site and the CMS share a host: a cross-origin Referer names only the origin).
      expect(await page.getByRole('link', { name: '返回专题网站' }).getAttribute('href')).toMatch(
        new RegExp(`^${system.publisher.pageUrl('/')}(goodDeeds/)?$`),
      );
    } finally {
      await plain.close();
    }
    // The relay's page read the counts with JavaScript earlier (the report above), and the CMS keeps them
    // half a minute (a like shows within a minute): forget them, to see this like at once.
    system.strapi.plugin('campaign-desk').service('likes').forget();
    const scripted = await reader(true);
    try {
      const page = await scripted.newPage();
      await page.goto(system.publisher.pageUrl('/goodDeeds/'));
      // The count, fetched from the CMS: no rebuild since the like.
      await expect.poll(() => card(page).locator('.like-count').textContent(), { timeout: 20_000 }).toBe(' 1');
      await card(page).getByRole('button', { name: /点赞/ }).click();
      // The same reader (one address) again today: not counted twice.
      await expect.poll(() => card(page).locator('.like-status').textContent(), { timeout: 20_000 }).toContain('今天已经为这一条点过赞');
      expect(await card(page).locator('.like-count').textContent()).toBe(' 1');
      expect(page.url()).toBe(system.publisher.pageUrl('/goodDeeds/'));
    } finally {
      await scripted.close();
    }
  });
});

describe('the 知识竞答', () => {
  it('is answered at 375 px without JavaScript, the CMS answering with the score and explanations', async () => {
    const context = await reader(false);
    try {
      await quizIsAnswered(system, await context.newPage(), false);
    } finally {
      await context.close();
    }
  });

  it('is answered in place with JavaScript, each question marked with its explanation and links', async () => {
    const context = await reader(true);
    try {
      await quizIsAnswered(system, await context.newPage(), true);
    } finally {
      await context.close();
    }
  });

  it('never ships its answers or explanations in the site’s files or the publisher’s copy of the snapshot', () => {
    siteHoldsNoAnswers(system.publisherDataDir, sampleQuizzes().quizzes);
  });
});

describe('a flood', () => {
  it('is refused with 429 while the newsroom and the site keep answering', async () => {
    const post = (index: number) =>
      fetch(`${system.cmsUrl}/api/campaign-desk/participation/suggestion`, {
        method: 'POST',
        headers: { Origin: system.publisher.url, Accept: 'application/json' },
        body: new URLSearchParams({ topic: 'qita', text: `洪水第 ${index} 条：内容足够长的一条建议。`, consent: 'on' }),
      });
    const statuses = (await Promise.all(Array.from({ length: 60 }, (_, index) => post(index)))).map((response) => response.status);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(50);
    expect(statuses.every((status) => status === 201 || status === 429)).toBe(true);
    expect(
      (await fetch(`${system.cmsUrl}/campaign-desk/submissions`, { headers: { Authorization: `Bearer ${editor.token}` } })).status,
    ).toBe(200);
    expect((await system.publisher.get('/jianyan/')).status).toBe(200);
  });
});
