/**
 * 长者模式 and reflow in Chromium against the built fixture: the switch and how it persists
 * (local storage or ?elder=, never a cookie), axe with enhanced contrast in the mode, touch
 * targets, and every page reflowing at 200 % zoom on a 375 px screen in both modes.
 */
import { DEFAULT_SUBMIT_URL } from '@campaign-desk/shared';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { servedSite, severeViolations } from '../support/browser';

/** A page of each kind. */
const PAGES = [
  '/',
  '/stories/sample-story-001/',
  '/stories/hostile-story/',
  '/themes/shifanqu/',
  '/columns/',
  '/figures/tang-guangyou/',
  '/opinions/yijian/',
  '/events/',
  '/coverage/',
  '/archive/2020-05/',
  '/feeds/',
  '/search/',
  '/404.html',
];

/** What a reader taps: the navigation, the switch, pagination, chips and the footer's links. */
const TARGETS = '.site-nav a, .elder-toggle, .pagination a, .chips a, .site-footer .inline-list a';

const site = servedSite();

const PHONE = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } as const;

/** A reader's phone, in a context of its own (its own local storage); closed after `use`. */
async function withPhone<T>(
  use: (page: Page, context: BrowserContext) => Promise<T>,
  options: Record<string, unknown> = PHONE,
): Promise<T> {
  const context = await site.browser.newContext(options);
  try {
    return await use(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

const modeOf = (page: Page) =>
  page.evaluate(() => ({
    elder: document.documentElement.classList.contains('elder'),
    pressed: document.querySelector('.elder-toggle')?.getAttribute('aria-pressed'),
    fontSize: parseFloat(getComputedStyle(document.body).fontSize),
    stored: localStorage.getItem('elder'),
  }));

describe('the 长者模式 switch', () => {
  test('one button turns it on and off; the choice lasts across pages and visits, in local storage, never in a cookie', async () => {
    await withPhone(async (page, context) => {
      await page.goto(`${site.url}/`);
      const button = page.getByRole('button', { name: '长者模式' });
      await button.waitFor({ state: 'visible' });
      expect(await modeOf(page)).toMatchObject({ elder: false, pressed: 'false', stored: null });
      const standard = (await modeOf(page)).fontSize;

      await button.click();
      const on = await modeOf(page);
      expect(on).toMatchObject({ elder: true, pressed: 'true', stored: '1' });
      // Large type: main text of 18 pt (24 px) or more, half as large again as the standard.
      expect(on.fontSize).toBeGreaterThanOrEqual(24);
      expect(on.fontSize).toBeGreaterThanOrEqual(standard * 1.4);

      await page.goto(`${site.url}/stories/sample-story-001/`);
      expect(await modeOf(page)).toMatchObject({ elder: true, pressed: 'true' });
      await page.reload();
      expect(await modeOf(page)).toMatchObject({ elder: true, pressed: 'true' });

      await page.getByRole('button', { name: '长者模式' }).click();
      expect(await modeOf(page)).toMatchObject({ elder: false, pressed: 'false', stored: '0' });
      await page.goto(`${site.url}/events/`);
      expect(await modeOf(page)).toMatchObject({ elder: false });
      expect(await context.cookies()).toEqual([]);
    });
  });

  test('a link sets it: ?elder=1 turns it on (and keeps it), ?elder=0 off', async () => {
    await withPhone(async (page) => {
      await page.goto(`${site.url}/?elder=1`);
      expect(await modeOf(page)).toMatchObject({ elder: true, pressed: 'true', stored: '1' });
      await page.goto(`${site.url}/figures/`);
      expect(await modeOf(page)).toMatchObject({ elder: true });
      await page.goto(`${site.url}/figures/?elder=0`);
      expect(await modeOf(page)).toMatchObject({ elder: false, stored: '0' });
    });
  });

  test('without scripts the button is not shown (it could do nothing)', async () => {
    await withPhone(
      async (page) => {
        await page.goto(`${site.url}/`);
        expect(await page.locator('.elder-toggle').isVisible()).toBe(false);
      },
      { ...PHONE, javaScriptEnabled: false },
    );
  });

  test('the page asks nothing of any other host than its own and its CMS’s public route (the like counts)', async () => {
    await withPhone(async (page) => {
      const requested: string[] = [];
      page.on('request', (request) => requested.push(request.url()));
      await page.goto(`${site.url}/?elder=1`);
      await page.getByRole('button', { name: '长者模式' }).click();
      expect(requested.filter((url) => !url.startsWith(site.url) && !url.startsWith(`${DEFAULT_SUBMIT_URL}/`))).toEqual([]);
    });
  });
});

describe('touch targets at 375 px: 44 × 44 px at least, 60 × 60 px in 长者模式', () => {
  for (const [mode, query, least] of [
    ['standard', '', 44],
    ['长者模式', '?elder=1', 60],
  ] as const) {
    for (const path of ['/', '/themes/shifanqu/', '/figures/tang-guangyou/']) {
      test(`${mode}: ${path}`, async () => {
        await withPhone(async (page) => {
          await page.goto(`${site.url}${path}${query}`);
          const small = await page.evaluate(
            ({ selector, least }) =>
              [...document.querySelectorAll(selector)]
                .map((element) => ({ text: element.textContent?.trim(), box: element.getBoundingClientRect() }))
                .filter(({ box }) => box.width > 0 && (box.width < least - 0.5 || box.height < least - 0.5))
                .map(({ text, box }) => `${text} ${Math.round(box.width)}×${Math.round(box.height)}`),
            { selector: TARGETS, least },
          );
          expect(small).toEqual([]);
        });
      });
    }
  }
});

describe('accessibility (axe) in 长者模式: no serious or critical violation, enhanced contrast (7:1) included', () => {
  for (const path of PAGES) {
    test(path, async () => {
      await withPhone(async (page) => {
        await page.goto(`${site.url}${path}?elder=1`);
        if (path === '/search/') {
          // With results on the page, and the 直达 line.
          await page.locator('.pagefind-ui__search-input').fill('唐光友');
          await page.locator('.pagefind-ui__result-link').first().waitFor({ state: 'visible', timeout: 20_000 });
        }
        expect(await severeViolations(page, { 'color-contrast-enhanced': { enabled: true } })).toEqual([]);
      });
    });
  }
});

describe('reflow at 200 % zoom on a 375 px screen (187 CSS px): no horizontal scrolling, in both modes', () => {
  for (const path of PAGES) {
    test(path, async () => {
      // 200 % zoom halves the CSS pixels of the screen's width.
      await withPhone(
        async (page) => {
          for (const query of ['', '?elder=1']) {
            await page.goto(`${site.url}${path}${query}`);
            const overflow = await page.evaluate(() => ({
              scrollWidth: document.documentElement.scrollWidth,
              innerWidth: window.innerWidth,
              // Text cut off inside a box that does not scroll (data tables may scroll in their own
              // region; what is hidden from every reader, like a form's honeypot, is not text to read).
              clipped: [...document.querySelectorAll('body *')]
                .filter((element) => element.closest('.table-scroll, pre, [aria-hidden="true"]') === null)
                .filter((element) => element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX === 'hidden')
                .map((element) => element.tagName),
            }));
            expect(overflow.innerWidth).toBe(187);
            expect(overflow.scrollWidth, `${path}${query}`).toBeLessThanOrEqual(187);
            expect(overflow.clipped, `${path}${query}`).toEqual([]);
          }
        },
        // Not a mobile viewport: a phone's browser would widen its layout viewport to fit what overflows.
        { viewport: { width: 187, height: 406 }, deviceScaleFactor: 4, hasTouch: true },
      );
    });
  }
});
