/**
 * 融合传播 in Debian's Chromium at phone width: a story's own video and audio in the page's
 * player, an allowed platform's player framed, each fitting a 375 px screen.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { CAPTIONS, FRAMED_URL, MEDIA_STORIES } from '../support/fixture';
import { servedSite, severeViolations } from '../support/browser';

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
          sameOrigin: new URL(track.src).origin === location.origin,
          scrollWidth: document.documentElement.scrollWidth,
        };
      });
      expect(video).toMatchObject({ paused: true, autoplay: false, captions: CAPTIONS, sameOrigin: true });
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
