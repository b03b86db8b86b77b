/**
 * The site as a 专栏 under a government portal's path (`https://portal/zt/liuda/`): the fixture
 * built once for that address, crawled from the root of the path over HTTP (every page and
 * feed, every link, asset and file they name) and read in Chromium at 375 px (scripts, styles,
 * fonts, images, the search index, the forms' posts and their answers): nothing leads or is
 * asked for outside the path, nothing under it is missing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { standInChallenge } from '@campaign-desk/testing/proof-of-work';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SiteAddress, THANKS_PATH } from '@campaign-desk/shared';
import { launchChromium } from '@campaign-desk/testing/browser';
import { buildFixtureSite, type BuiltSite } from '../support/build';
import { crawl } from '../support/crawl';
import { isAnswerPage, pagePath, walk } from '../support/dist';
import { serveDir, type Running } from '../support/static-server';

/** Plain HTTP: Chromium reaches the portal's host name on the test's server (see `--host-resolver-rules` below). */
const SITE_URL = 'http://portal.example.gov.cn/zt/liuda/';
/** The forms' route, passed on by the portal's web server under the same path. */
const SUBMIT_URL = `${SITE_URL}api/campaign-desk/participation`;
const site = new SiteAddress(SITE_URL);
const isFormRoute = (url: URL) => url.href.startsWith(`${SUBMIT_URL}/`);

let work: string | undefined;
let built: BuiltSite;
let server: (Running & { outside: string[] }) | undefined;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'campaign-site-subpath-'));
  built = await buildFixtureSite({ work, siteUrl: SITE_URL, submitUrl: SUBMIT_URL });
  server = await serveDir(built.distDir, site.base);
}, 300_000);

afterAll(async () => {
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

const releasePaths = (pattern: RegExp) =>
  walk(built.distDir)
    .filter((file) => pattern.test(file))
    .map((file) => pagePath(built.distDir, file));

describe('crawled over HTTP from the root of the path', () => {
  test('every page and feed is reached; 0 broken links, 0 URLs of the host outside the path', async () => {
    // The thank-you page is where the CMS sends a plain form post; robots.txt where crawlers look; a missing page gets the 404 page.
    const report = await crawl({
      siteUrl: SITE_URL,
      serverUrl: server!.url,
      seeds: ['/', '/robots.txt', THANKS_PATH, '/no-such-page/'],
      missing: ['/no-such-page/'],
      elsewhere: isFormRoute,
    });
    console.log(
      `sub-path crawl: ${report.pages.length} pages, ${report.documents.length} feeds and other documents, ${report.files} other files; ` +
        `${report.links} URLs of the site checked (${report.external} of other hosts left alone)`,
    );
    expect(report.outside).toEqual([]);
    expect(report.broken).toEqual([]);
    expect(server!.outside).toEqual([]);
    // Every page and feed of the release was reached (the 404 page as the answer to a missing one).
    const reached = new Set([...report.pages, ...report.documents]);
    expect(releasePaths(/\.html$/).filter((page) => page !== '/404.html' && !isAnswerPage(page) && !reached.has(page))).toEqual([]);
    expect(releasePaths(/\.(xml|json|opml|ics|txt)$/).filter((file) => !file.startsWith('/pagefind/') && !reached.has(file))).toEqual([]);
    expect(report.pages).toContain('/no-such-page/');
    // The links people typed for this address are judged by the same address: none leads nowhere.
    expect(built.warnings).toEqual([]);
  });
});

describe('in Chromium at 375 px', () => {
  let browser: Browser | undefined;
  /** Every request the browser made outside the path, and every answer under it that failed. */
  const outside: string[] = [];
  const failed: string[] = [];
  beforeAll(async () => {
    browser = await launchChromium([
      `--host-resolver-rules=MAP ${site.root.hostname} ${new URL(server!.url).host}`,
      // As over HTTPS in production: the forms' proof of work needs a secure context (WebCrypto).
      `--unsafely-treat-insecure-origin-as-secure=${site.root.origin}`,
    ]);
  });
  afterAll(async () => {
    await browser?.close();
  });

  /**
   * A phone's browser that reaches the portal's host on the test's server (which serves the
   * release under the path): the forms' route is answered by `form`, anything outside the path
   * is noted and refused.
   */
  async function phone(options: { javaScriptEnabled?: boolean; form?: (route: Route) => Promise<void> } = {}): Promise<BrowserContext> {
    const context = await browser!.newContext({
      viewport: { width: 375, height: 812 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      javaScriptEnabled: options.javaScriptEnabled ?? true,
    });
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (site.sitePath(url) === null) {
        outside.push(`${route.request().method()} ${url.href}`);
        return route.abort();
      }
      if (isFormRoute(url)) return options.form ? options.form(route) : route.abort();
      return route.continue();
    });
    context.on('response', (response) => {
      const sitePath = site.sitePath(new URL(response.url()));
      if (response.status() >= 400 && sitePath !== '/no-such-page/') failed.push(`${response.status()} ${response.url()}`);
    });
    return context;
  }

  /** Opens a page, scrolls through it (lazy images load), and says whether it fits 375 px. */
  async function visit(page: Page, sitePath: string): Promise<{ scrollWidth: number }> {
    await page.goto(site.url(sitePath), { waitUntil: 'load' });
    await page.evaluate(async () => {
      for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {
        window.scrollTo(0, y);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    await page.waitForLoadState('networkidle');
    return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth }));
  }

  test('a page of every kind loads everything from under the path, and fits the screen', async () => {
    const context = await phone();
    try {
      const page = await context.newPage();
      const kinds = [
        '/',
        '/stories/sample-story-001/',
        '/stories/hostile-story/',
        '/themes/shifanqu/1/',
        '/archive/',
        '/archive/2020-05/',
        '/columns/',
        '/places/',
        '/figures/',
        '/figures/tang-guangyou/',
        '/opinions/yijian/',
        '/events/',
        '/coverage/',
        '/feeds/',
        '/jianyan/',
        '/goodDeeds/',
        THANKS_PATH,
        '/no-such-page/',
      ];
      for (const sitePath of kinds) expect((await visit(page, sitePath)).scrollWidth, sitePath).toBeLessThanOrEqual(375);
      // The 长者模式 switch works where the page is.
      await page.getByRole('button', { name: '长者模式' }).click();
      expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true);
      await page.getByRole('button', { name: '长者模式' }).click();
      // For a person to look at: SUBPATH_SCREENSHOTS=<dir>.
      if (process.env.SUBPATH_SCREENSHOTS) {
        await visit(page, '/stories/sample-story-001/');
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: path.join(process.env.SUBPATH_SCREENSHOTS, 'story-375.png') });
      }
      expect(outside).toEqual([]);
      expect(failed).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('search loads its index from under the path, and its results lead there', async () => {
    const context = await phone();
    try {
      const page = await context.newPage();
      await visit(page, '/search/');
      await page.locator('#search input').fill('唐光友');
      const results = page.locator('.pagefind-ui__result-link');
      await expect.poll(() => results.count(), { timeout: 20_000 }).toBeGreaterThan(0);
      const links = [
        ...(await results.evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href))),
        ...(await page.locator('.direct a').evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href))),
      ];
      expect(links.filter((link) => site.sitePath(new URL(link)) === null)).toEqual([]);
      if (process.env.SUBPATH_SCREENSHOTS) await page.screenshot({ path: path.join(process.env.SUBPATH_SCREENSHOTS, 'search-375.png') });
      await Promise.all([page.waitForURL(links[0]!), results.first().click()]);
      expect(outside).toEqual([]);
      expect(failed).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('the forms post under the path, with JavaScript (in place) and without (to the thank-you page there)', async () => {
    const challenge = await standInChallenge();
    const posted: string[] = [];
    // A stand-in of the CMS's route, answering as it does: JSON to the script, a redirect to the thank-you page to a plain form.
    const form = async (route: Route) => {
      const request = route.request();
      if (request.method() === 'GET')
        return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(challenge) });
      posted.push(request.url());
      if (request.headers().accept?.includes('application/json'))
        return route.fulfill({
          status: 201,
          contentType: 'application/json',
          body: JSON.stringify({ ok: true, message: '提交成功，感谢您的参与！' }),
        });
      return route.fulfill({ status: 303, headers: { location: site.url(THANKS_PATH) } });
    };
    const scripted = await phone({ form });
    try {
      const page = await scripted.newPage();
      await visit(page, '/jianyan/');
      await page.getByLabel('转型发展示范区').check();
      await page.getByLabel('建议内容').fill('建议在温泉新区增设夜间公交线路，方便游客和市民出行。');
      await page.getByLabel(/我已阅读并同意/).check();
      await page.getByRole('button', { name: '提交建议' }).click();
      await expect.poll(() => page.locator('#suggest .form-status').textContent(), { timeout: 20_000 }).toContain('提交成功');
    } finally {
      await scripted.close();
    }
    const plain = await phone({ javaScriptEnabled: false, form });
    try {
      const page = await plain.newPage();
      // Without scripts, nothing is scrolled into view: the form is what matters here.
      await page.goto(site.url('/goodDeeds/'), { waitUntil: 'networkidle' });
      await page.getByLabel('做好事的人').fill('通山县某村党员');
      await page.getByLabel('地点').selectOption('tongshan');
      await page.getByLabel('日期').fill('2020-06-05');
      await page.getByLabel('做了什么好事').fill('冒雨帮助村民抢收晾晒的稻谷。');
      await page.getByLabel(/我已阅读并同意/).check();
      await Promise.all([page.waitForURL(site.url(THANKS_PATH)), page.getByRole('button', { name: '提交好人好事' }).click()]);
      await page.waitForLoadState('networkidle');
      expect(await page.locator('h1').textContent()).toBe('感谢您的参与');
    } finally {
      await plain.close();
    }
    expect(posted).toEqual([`${SUBMIT_URL}/suggestion`, `${SUBMIT_URL}/good-deed`]);
    expect(outside).toEqual([]);
    expect(failed).toEqual([]);
  });
});
