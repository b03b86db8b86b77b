/**
 * What a phone loads for its first search: the search page opened at 375 px in Chromium, a
 * query typed into it, and every file under /pagefind/ it fetched until the results showed
 * (bytes as sent, compressed where the publisher serves a compressed copy). Figures only.
 */
import { launchChromium } from '@campaign-desk/testing/browser';

export async function firstSearch(site: string, query: string): Promise<{ requests: number; bytes: number; shards: number }> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    const sizes: Array<Promise<number>> = [];
    page.on('requestfinished', (request) => {
      if (new URL(request.url()).pathname.includes('/pagefind/')) sizes.push(request.sizes().then((size) => size.responseBodySize));
    });
    await page.goto(`${site}/search/`, { waitUntil: 'networkidle' });
    await page.fill('.pagefind-ui__search-input', query);
    await page.waitForSelector('.pagefind-ui__result', { timeout: 120_000 });
    await page.waitForLoadState('networkidle');
    const shards = (JSON.parse((await page.getAttribute('#search', 'data-options')) ?? '{}') as { merge?: string[] }).merge?.length ?? 0;
    const bytes = (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
    return { requests: sizes.length, bytes, shards: shards + 1 };
  } finally {
    await browser.close();
  }
}
