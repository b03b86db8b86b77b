/**
 * The built fixture site in Debian's Chromium (playwright-core): phone-width layout,
 * Pagefind search in Chinese, and axe on the main page types.
 */
import type { Page } from 'playwright-core';
import { standInChallenge } from '@campaign-desk/testing/proof-of-work';
import { describe, expect, test } from 'vitest';
import { DEFAULT_SUBMIT_URL } from '@campaign-desk/shared';
import { servedSite, severeViolations } from '../support/browser';

const site = servedSite();

async function phonePage(): Promise<Page> {
  return site.browser.newPage({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
}

describe('at phone width (375px)', () => {
  for (const path of [
    '/',
    '/stories/sample-story-001/',
    '/stories/hostile-story/',
    '/opinions/yijian/',
    '/coverage/',
    '/events/',
    '/feeds/',
    '/jianyan/',
    '/goodDeeds/',
    '/xiexie/',
  ]) {
    test(`${path} has no horizontal scroll and readable text`, async () => {
      const page = await phonePage();
      try {
        const response = await page.goto(site.url + path);
        expect(response?.status()).toBe(200);
        const { scrollWidth, innerWidth, fontSize } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
          fontSize: parseFloat(getComputedStyle(document.body).fontSize),
        }));
        // Against the screen's width: a mobile browser widens its layout viewport to fit what overflows.
        expect(innerWidth).toBe(375);
        expect(scrollWidth).toBeLessThanOrEqual(375);
        expect(fontSize).toBeGreaterThanOrEqual(16);
        // The page's own images have loaded (nothing broken).
        const broken = await page.evaluate(() =>
          [...document.images]
            .filter((img) => img.complete && img.naturalWidth === 0 && new URL(img.src).origin === location.origin)
            .map((img) => img.src),
        );
        expect(broken).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});

describe('the small things at 375 px', () => {
  test('the navigation is even rows (three of three), not a ragged wrap', async () => {
    const page = await phonePage();
    try {
      await page.goto(`${site.url}/`);
      const boxes = await page
        .locator('.site-nav a')
        .evaluateAll((links) => links.map((link) => link.getBoundingClientRect()).map(({ top, left }) => ({ top, left })));
      expect(boxes).toHaveLength(9);
      const rows = [...new Set(boxes.map((box) => Math.round(box.top)))];
      expect(rows).toHaveLength(3);
      const columns = (row: number) => boxes.filter((box) => Math.round(box.top) === row).map((box) => Math.round(box.left));
      expect(columns(rows[0]!)).toHaveLength(3);
      // Every row's links stand under the first row's.
      for (const row of rows) expect(columns(row)).toEqual(columns(rows[0]!));
    } finally {
      await page.close();
    }
  });

  test('the coverage table’s headings keep to one line (its count’s heading read one character a line)', async () => {
    const page = await phonePage();
    try {
      await page.goto(`${site.url}/coverage/`);
      const headings = await page.locator('table.outlets thead th').evaluateAll((cells) =>
        cells.map((cell) => {
          const range = document.createRange();
          range.selectNodeContents(cell);
          return { text: cell.textContent, lines: new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size };
        }),
      );
      expect(headings.length).toBeGreaterThanOrEqual(4);
      expect(headings.filter((heading) => heading.lines !== 1)).toEqual([]);
      // The table fits the screen, without scrolling sideways in its box.
      const box = await page.locator('.table-scroll').evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }));
      expect(box.scroll).toBeLessThanOrEqual(box.client);
    } finally {
      await page.close();
    }
  });
});

describe('in WeChat’s in-app browser (360 px)', () => {
  for (const path of ['/stories/sample-story-001/', '/stories/sample-story-040/', '/stories/hostile-story/']) {
    test(`${path} reads well: no horizontal scroll, readable text, the cover fits`, async () => {
      const page = await site.browser.newPage({
        viewport: { width: 360, height: 640 },
        deviceScaleFactor: 3,
        isMobile: true,
        hasTouch: true,
      });
      try {
        await page.goto(site.url + path);
        const layout = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
          fontSize: parseFloat(getComputedStyle(document.querySelector('.article-body') ?? document.body).fontSize),
          widest: Math.max(
            ...[...document.querySelectorAll('main img, main h1, main .article-body p')].map(
              (element) => element.getBoundingClientRect().right,
            ),
          ),
        }));
        expect(layout.innerWidth).toBe(360);
        expect(layout.scrollWidth).toBeLessThanOrEqual(360);
        expect(layout.fontSize).toBeGreaterThanOrEqual(17);
        expect(layout.widest).toBeLessThanOrEqual(360);
      } finally {
        await page.close();
      }
    });
  }
});

describe('search', () => {
  for (const [query, expected] of [
    ['唐光友', '/figures/tang-guangyou/'],
    ['点赞', '/stories/sample-story-001/'],
    ['赤壁市', '/stories/'],
  ] as const) {
    test(`Pagefind finds ${query}`, async () => {
      const page = await phonePage();
      try {
        await page.goto(`${site.url}/search/`);
        const input = page.locator('.pagefind-ui__search-input');
        await input.fill(query);
        const link = page.locator(`.pagefind-ui__result-link[href^="${expected}"]`).first();
        await link.waitFor({ state: 'visible', timeout: 20_000 });
        expect(await link.textContent()).toBeTruthy();
      } finally {
        await page.close();
      }
    });
  }
});

describe('accessibility (axe): no serious or critical violations', () => {
  for (const path of [
    '/',
    '/stories/sample-story-001/',
    '/themes/shifanqu/',
    '/kinds/video/',
    '/figures/tang-guangyou/',
    '/opinions/yijian/',
    '/events/',
    '/feeds/',
    '/coverage/',
    '/search/',
    '/404.html',
    '/jianyan/',
    '/goodDeeds/',
  ]) {
    test(path, async () => {
      const page = await phonePage();
      try {
        await page.goto(site.url + path);
        expect(await severeViolations(page)).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});

/**
 * The forms against a stand-in of the CMS's participation route (the real one is in the
 * end-to-end tests): what the page does with each answer, with and without JavaScript.
 */
describe('the participation forms', () => {
  type Posted = { accept: string | undefined; body: string };

  /** Answers the challenge route and, in turn, each POST with the next of `answers`; returns what was posted. */
  async function standIn(
    page: Page,
    answers: Array<{ status: number; body?: unknown; headers?: Record<string, string> }>,
  ): Promise<Posted[]> {
    const posted: Posted[] = [];
    const challenge = await standInChallenge();
    await page.route(`${DEFAULT_SUBMIT_URL}/**`, async (route) => {
      const request = route.request();
      const cors = { 'access-control-allow-origin': site.url };
      if (request.method() === 'GET')
        return route.fulfill({ status: 200, headers: cors, contentType: 'application/json', body: JSON.stringify(challenge) });
      posted.push({ accept: request.headers().accept, body: request.postDataBuffer()?.toString('utf8') ?? '' });
      const answer = answers.shift()!;
      return route.fulfill({
        status: answer.status,
        headers: { ...cors, ...answer.headers },
        contentType: 'application/json',
        body: JSON.stringify(answer.body ?? {}),
      });
    });
    return posted;
  }

  async function fillSuggestion(page: Page, text: string) {
    await page.getByLabel('转型发展示范区').check();
    await page.getByLabel('建议内容').fill(text);
    await page.getByLabel('联系方式（选填）').fill('13800138000');
    await page.getByLabel(/我已阅读并同意/).check();
  }

  test('with JavaScript: solved in place, field problems shown beside the fields, then the receipt', async () => {
    const page = await phonePage();
    try {
      const problem = { field: 'text', label: '建议内容', message: '建议内容最多 2000 个字（现在 2001 个）' };
      const posted = await standIn(page, [
        {
          status: 400,
          body: {
            error: { status: 400, message: `提交的内容有误：${problem.message}`, details: { errors: [{ path: ['text'], ...problem }] } },
          },
        },
        { status: 429, headers: { 'retry-after': '600' }, body: { error: { status: 429, message: '提交太频繁，请稍后再试。' } } },
        { status: 201, body: { ok: true, message: '提交成功，感谢您的参与！' } },
      ]);
      await page.goto(`${site.url}/jianyan/`);
      await fillSuggestion(page, '建议在温泉新区增设夜间公交线路，方便游客和市民出行。');
      const status = page.locator('#suggest .form-status');
      // The widget solves the challenge first (at least half a second, its minimum).
      const answered = (text: string) => expect.poll(() => status.textContent(), { timeout: 20_000 }).toContain(text);

      await page.getByRole('button', { name: '提交建议' }).click();
      await answered('最多 2000 个字');
      expect(await page.getByLabel('建议内容').getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#suggest .field-error').textContent()).toBe(problem.message);
      // Nothing typed is lost.
      expect(await page.getByLabel('建议内容').inputValue()).toContain('夜间公交');

      await page.getByRole('button', { name: '提交建议' }).click();
      await answered('提交太频繁，请稍后再试。');

      await page.getByRole('button', { name: '提交建议' }).click();
      await answered('提交成功，感谢您的参与！');
      expect(await page.getByLabel('建议内容').inputValue()).toBe('');

      expect(posted).toHaveLength(3);
      for (const post of posted) {
        expect(post.accept).toBe('application/json');
        // The solved challenge travels with the form; the honeypot stays empty.
        expect(post.body).toMatch(/name="altcha"\r\n\r\n[A-Za-z0-9+/=]{40,}/);
        expect(post.body).toMatch(/name="website"\r\n\r\n\r\n/);
      }
      const payload = JSON.parse(Buffer.from(/name="altcha"\r\n\r\n([^\r]+)/.exec(posted[0]!.body)![1]!, 'base64').toString('utf8'));
      expect(payload.solution.counter).toBe(3);
    } finally {
      await page.close();
    }
  });

  test('without JavaScript: a plain form post, and the CMS’s redirect lands on the thank-you page', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 812 }, isMobile: true });
    const page = await context.newPage();
    try {
      const posted: Posted[] = [];
      await page.route(`${DEFAULT_SUBMIT_URL}/**`, async (route) => {
        posted.push({ accept: route.request().headers().accept, body: route.request().postDataBuffer()?.toString('utf8') ?? '' });
        await route.fulfill({ status: 303, headers: { location: `${site.url}/xiexie/` } });
      });
      await page.goto(`${site.url}/goodDeeds/`);
      await page.getByLabel('做好事的人').fill('通山县某村党员');
      await page.getByLabel('地点').selectOption('tongshan');
      await page.getByLabel('日期').fill('2020-06-05');
      await page.getByLabel('做了什么好事').fill('冒雨帮助村民抢收晾晒的稻谷。');
      await page.getByLabel(/我已阅读并同意/).check();
      await Promise.all([page.waitForURL(`${site.url}/xiexie/`), page.getByRole('button', { name: '提交好人好事' }).click()]);
      expect(await page.locator('h1').textContent()).toBe('感谢您的参与');
      expect(posted).toHaveLength(1);
      expect(posted[0]!.accept).toContain('text/html');
      expect(posted[0]!.body).toContain('name="figure"\r\n\r\ntang-guangyou');
      expect(posted[0]!.body).not.toContain('name="altcha"\r\n\r\n');
    } finally {
      await context.close();
    }
  });
});
