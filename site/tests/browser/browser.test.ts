/**
 * The built fixture site in Debian's Chromium (playwright-core): phone-width layout,
 * Pagefind search in Chinese, and axe on the main page types.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '@campaign-desk/testing/browser';
import { serveDir, type Running } from '../support/static-server';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: Running;
let browser: Browser;

beforeAll(async () => {
  server = await serveDir(inject('distDir'));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function phonePage(): Promise<Page> {
  return browser.newPage({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
}

describe('at phone width (375px)', () => {
  for (const path of ['/', '/stories/sample-story-001/', '/stories/hostile-story/', '/opinions/yijian/', '/coverage/', '/events/', '/feeds/']) {
    test(`${path} has no horizontal scroll and readable text`, async () => {
      const page = await phonePage();
      try {
        const response = await page.goto(server.url + path);
        expect(response?.status()).toBe(200);
        const { scrollWidth, innerWidth, fontSize } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
          fontSize: parseFloat(getComputedStyle(document.body).fontSize),
        }));
        expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
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

describe('search', () => {
  for (const [query, expected] of [
    ['唐光友', '/figures/tang-guangyou/'],
    ['点赞', '/stories/sample-story-001/'],
    ['赤壁市', '/stories/'],
  ] as const) {
    test(`Pagefind finds ${query}`, async () => {
      const page = await phonePage();
      try {
        await page.goto(`${server.url}/search/`);
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
        await page.goto(server.url + path);
        await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate(async () => {
          // @ts-expect-error axe is injected above
          const result = await window.axe.run(document, { resultTypes: ['violations'] });
          return result.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n: any) => n.target.join(' ')) }));
        });
        const severe = violations.filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical');
        expect(severe).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});
