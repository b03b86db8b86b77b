/** The built fixture site in Debian's Chromium, and axe's verdict on a page. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium } from '@campaign-desk/testing/browser';
import { serveDir, type Running } from './static-server';

/**
 * The built fixture site served on 127.0.0.1, and Chromium, for the tests of one file: started
 * before them and stopped after, also when they fail.
 */
export function servedSite(): { readonly url: string; readonly browser: Browser } {
  let server: Running | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serveDir(inject('distDir'));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get url() {
      return server!.url;
    },
    get browser() {
      return browser!;
    },
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** What axe finds on the page that is serious or critical; `rules` turns on more (enhanced contrast…). */
export async function severeViolations(page: Page, rules: Record<string, { enabled: boolean }> = {}): Promise<unknown[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async (rules) => {
    // @ts-expect-error axe is injected above
    const result = await window.axe.run(document, { resultTypes: ['violations'], rules });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n: any) => n.target.join(' ')),
    }));
  }, rules);
  return violations.filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical');
}
