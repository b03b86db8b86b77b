/**
 * 融合传播 in Debian's Chromium at phone width: a story's own video and audio in the page's
 * player, an allowed platform's player framed, each fitting a 375 px screen.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { CAPTIONS, FRAMED_URL, LIVE_SLUG, MEDIA_STORIES } from '../support/fixture';
import { servedSite, severeViolations } from '../support/browser';
import { decodeQr } from '../support/qr';

const site = servedSite();

async function phonePage(path: string): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  expect((await page.goto(site.url + path))?.status()).toBe(200);
  return page;
}

describe('the player at 375 px', () => {
  test('a video story: the player fits the screen, is paused, and its captions load from the site', async () => {
    const page = await phonePage(`/stories/${MEDIA_STORIES.video}/`);
    try {
      const video = await page.evaluate(async () => {
        const element = document.querySelector('video')!;
        const track = element.querySelector('track')!;
        const response = await fetch(track.src);
        return {
          width: element.getBoundingClientRect().width,
          paused: element.paused,
          autoplay: element.autoplay,
          captions: await response.text(),
          captionsType: response.headers.get('content-type'),
          sameOrigin: new URL(track.src).origin === location.origin,
          scrollWidth: document.documentElement.scrollWidth,
        };
      });
      expect(video).toMatchObject({ paused: true, autoplay: false, captions: CAPTIONS, sameOrigin: true });
      // Served as what it is: Firefox refuses a caption track of another type.
      expect(video.captionsType).toBe('text/vtt; charset=utf-8');
      expect(video.width).toBeGreaterThan(300);
      expect(video.width).toBeLessThanOrEqual(375);
      expect(video.scrollWidth).toBeLessThanOrEqual(375);
      expect(await severeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('an audio story has its player; an allowed platform’s player is framed at 16:9 in a sandbox', async () => {
    const audio = await phonePage(`/stories/${MEDIA_STORIES.audio}/`);
    try {
      expect(await audio.evaluate(() => document.querySelector('audio')?.getBoundingClientRect().width ?? 0)).toBeGreaterThan(300);
    } finally {
      await audio.close();
    }
    const framed = await phonePage(`/stories/${MEDIA_STORIES.framed}/`);
    try {
      const frame = await framed.evaluate(() => {
        const element = document.querySelector('iframe')!;
        const box = element.getBoundingClientRect();
        return { src: element.src, sandbox: [...element.sandbox], width: box.width, height: box.height };
      });
      expect(frame.src).toBe(FRAMED_URL);
      expect(frame.sandbox).not.toContain('allow-top-navigation');
      expect(frame.width).toBeLessThanOrEqual(375);
      expect(Math.round((frame.width * 9) / 16)).toBeCloseTo(frame.height, 0);
    } finally {
      await framed.close();
    }
  });
});

describe('H5 works at 375 px', () => {
  test('a card whose QR code reads back as the work’s address; framed in a sandbox only when its platform is allowed', async () => {
    for (const [slug, framed] of [
      [MEDIA_STORIES.h5, false],
      [MEDIA_STORIES.h5Framed, true],
    ] as const) {
      const page = await phonePage(`/stories/${slug}/`);
      try {
        const link = await page.locator('.h5-card a.media-link').getAttribute('href');
        expect(link).toMatch(/^https:\/\/media\.example\.com\/campaign-desk\/h5\//);
        expect(await decodeQr(await page.locator('.h5-qr svg').screenshot())).toBe(link);
        const frames = await page.evaluate(() =>
          [...document.querySelectorAll('iframe')].map((element) => ({
            src: element.src,
            sandbox: [...element.sandbox],
            width: element.getBoundingClientRect().width,
          })),
        );
        if (framed) {
          expect(frames).toHaveLength(1);
          expect(frames[0]!.src).toBe(link);
          expect(frames[0]!.sandbox).not.toContain('allow-top-navigation');
          expect(frames[0]!.width).toBeLessThanOrEqual(375);
        } else {
          expect(frames).toEqual([]);
        }
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      } finally {
        await page.close();
      }
    }
  });
});

/** A stand-in for the browser's speech synthesis: records what is spoken, and ends an utterance when told. */
function fakeSpeech() {
  const log: Array<{ text: string; lang: string; rate: number }> = [];
  let current: { onend: (() => void) | null } | null = null;
  class Utterance {
    lang = '';
    rate = 1;
    voice: unknown = null;
    onend: (() => void) | null = null;
    constructor(readonly text: string) {}
  }
  const synth = {
    getVoices: () => [{ lang: 'zh-CN', name: '测试' }],
    speak(utterance: Utterance) {
      log.push({ text: utterance.text, lang: utterance.lang, rate: utterance.rate });
      current = utterance;
    },
    cancel() {
      current = null;
    },
    finish() {
      const utterance = current;
      current = null;
      utterance?.onend?.();
    },
  };
  Object.assign(window, { SpeechSynthesisUtterance: Utterance, __spoken: log });
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
}

async function listenPage(path: string, init: () => void): Promise<{ page: Page; requested: string[] }> {
  const page = await site.browser.newPage({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.addInitScript(init);
  expect((await page.goto(site.url + path))?.status()).toBe(200);
  return { page, requested };
}

const spoken = (page: Page) =>
  page.evaluate(() => (window as unknown as { __spoken: Array<{ text: string; lang: string; rate: number }> }).__spoken);
const reading = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('.reading')].map((element) => element.textContent!.trim()));

describe('听新闻 at 375 px', () => {
  test('reads the story in Mandarin paragraph by paragraph, highlighting each, with pause and resume; the reader loads only on the press', async () => {
    const { page, requested } = await listenPage('/stories/sample-story-002/', fakeSpeech);
    try {
      const button = page.locator('button.listen');
      await button.waitFor({ state: 'visible' });
      const box = (await button.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(requested.filter((path) => path.endsWith('/listen.js'))).toEqual([]);
      // Versioned by its content's hash, taken at build: a new reader is never hidden by a cache.
      const reader = readFileSync(new URL('../../public/listen.js', import.meta.url));
      const version = createHash('sha256').update(reader).digest('hex').slice(0, 12);
      expect(await button.getAttribute('data-listen')).toBe(`/listen.js?v=${version}`);

      await button.click();
      await page.waitForFunction(() => document.querySelector('.reading') !== null);
      expect(requested.filter((path) => path.endsWith('/listen.js'))).toHaveLength(1);
      const title = (await page.locator('h1').textContent())!.trim();
      expect(await spoken(page)).toEqual([{ text: title, lang: 'zh-CN', rate: 1 }]);
      expect(await reading(page)).toEqual([title]);
      expect(await button.getAttribute('aria-pressed')).toBe('true');

      await page.evaluate(() => (window.speechSynthesis as unknown as { finish(): void }).finish());
      const first = (await page.locator('.article-body > p').first().textContent())!.trim();
      expect((await spoken(page)).at(-1)!.text).toBe(first);
      expect(await reading(page)).toEqual([first]);

      await button.click();
      expect(await button.textContent()).toContain('继续');
      expect(await button.getAttribute('aria-pressed')).toBe('false');
      const count = (await spoken(page)).length;
      await button.click();
      // Resumes at the paragraph it stopped in.
      expect((await spoken(page)).slice(count).map((entry) => entry.text)).toEqual([first]);
      expect(await reading(page)).toEqual([first]);
    } finally {
      await page.close();
    }
  });

  test('in 长者模式 the button is larger and the voice slower', async () => {
    const { page } = await listenPage('/stories/sample-story-002/?elder=1', fakeSpeech);
    try {
      const button = page.locator('button.listen');
      await button.waitFor({ state: 'visible' });
      const box = (await button.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(60);
      await button.click();
      await page.waitForFunction(() => document.querySelector('.reading') !== null);
      expect((await spoken(page))[0]!.rate).toBeLessThan(1);
    } finally {
      await page.close();
    }
  });

  test('without speech synthesis there is no button; a story with its own audio plays the file instead', async () => {
    const noSpeech = () => {
      delete (window as { speechSynthesis?: unknown }).speechSynthesis;
      Object.defineProperty(window, 'speechSynthesis', { get: undefined, configurable: true });
      delete (window as { speechSynthesis?: unknown }).speechSynthesis;
      HTMLMediaElement.prototype.play = function play(this: HTMLMediaElement) {
        (window as unknown as { __played: string }).__played = this.querySelector('source')!.src;
        this.dispatchEvent(new Event('play'));
        return Promise.resolve();
      };
    };
    const text = await listenPage('/stories/sample-story-002/', noSpeech);
    try {
      expect(await text.page.evaluate(() => 'speechSynthesis' in window)).toBe(false);
      expect(await text.page.locator('button.listen').isHidden()).toBe(true);
    } finally {
      await text.page.close();
    }
    const audio = await listenPage(`/stories/${MEDIA_STORIES.audio}/`, noSpeech);
    try {
      const button = audio.page.locator('button.listen');
      await button.click();
      await audio.page.waitForFunction(() => (window as unknown as { __played?: string }).__played !== undefined);
      expect(await audio.page.evaluate(() => (window as unknown as { __played: string }).__played)).toMatch(/tingxinwen\.mp3$/);
      expect(await button.getAttribute('aria-pressed')).toBe('true');
    } finally {
      await audio.page.close();
    }
  });
});

describe('分享海报 at 375 px', () => {
  for (const path of [
    '/stories/sample-story-001/',
    `/stories/${MEDIA_STORIES.audio}/`,
    '/figures/tang-guangyou/',
    `/lives/${LIVE_SLUG}/`,
  ]) {
    test(`${path} links its poster, whose QR code reads back as the page’s absolute URL`, async () => {
      const page = await phonePage(path);
      try {
        const link = page.locator('a.share-poster').first();
        expect(await link.isVisible()).toBe(true);
        const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
        const poster = await page.request.get(new URL((await link.getAttribute('href'))!, page.url()).href);
        expect(poster.headers()['content-type']).toMatch(/^image\/jpeg/);
        expect(await decodeQr(Buffer.from(await poster.body()))).toBe(canonical);
      } finally {
        await page.close();
      }
    });
  }

  test('a good deed’s poster leads to where the deed is shown', async () => {
    const page = await phonePage('/goodDeeds/');
    try {
      const item = page.locator('li.story-card', { has: page.locator('a.share-poster') }).first();
      const id = await item.getAttribute('id');
      const poster = await page.request.get(new URL((await item.locator('a.share-poster').getAttribute('href'))!, page.url()).href);
      expect(await decodeQr(Buffer.from(await poster.body()))).toMatch(new RegExp(`#${id}$`));
    } finally {
      await page.close();
    }
  });
});
