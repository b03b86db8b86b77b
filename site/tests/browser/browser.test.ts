/**
 * The built fixture site in Debian's Chromium (playwright-core): phone-width layout,
 * Pagefind search in Chinese, and axe on the main page types.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { servedSite, severeViolations } from '../support/browser';

const site = servedSite();

async function phonePage(): Promise<Page> {
  return site.browser.newPage({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
}

describe('at phone width (375px)', () => {
  for (const path of ['/', '/stories/sample-story-001/', '/stories/hostile-story/', '/opinions/yijian/', '/coverage/', '/events/', '/feeds/']) {
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
          [...document.images].filter((img) => img.complete && img.naturalWidth === 0 && new URL(img.src).origin === location.origin).map((img) => img.src),
        );
        expect(broken).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});

describe('the small things at 375 px', () => {
  test('the navigation is two even rows of four, not a ragged wrap', async () => {
    const page = await phonePage();
    try {
      await page.goto(`${site.url}/`);
      const boxes = await page.locator('.site-nav a').evaluateAll((links) => links.map((link) => link.getBoundingClientRect()).map(({ top, left }) => ({ top, left })));
      expect(boxes).toHaveLength(8);
      const rows = [...new Set(boxes.map((box) => Math.round(box.top)))];
      expect(rows).toHaveLength(2);
      const columns = (row: number) => boxes.filter((box) => Math.round(box.top) === row).map((box) => Math.round(box.left));
      expect(columns(rows[0]!)).toHaveLength(4);
      // The second row's links stand under the first row's.
      expect(columns(rows[1]!)).toEqual(columns(rows[0]!));
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
      expect(headings.length).toBeGreaterThanOrEqual(5);
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
      const page = await site.browser.newPage({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
      try {
        await page.goto(site.url + path);
        const layout = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
          fontSize: parseFloat(getComputedStyle(document.querySelector('.article-body') ?? document.body).fontSize),
          widest: Math.max(...[...document.querySelectorAll('main img, main h1, main .article-body p')].map((element) => element.getBoundingClientRect().right)),
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
  for (const path of ['/', '/stories/sample-story-001/', '/themes/shifanqu/', '/kinds/video/', '/figures/tang-guangyou/', '/opinions/yijian/', '/events/', '/feeds/', '/coverage/', '/search/', '/404.html']) {
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
