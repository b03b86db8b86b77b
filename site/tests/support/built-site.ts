/** The fixture site as the global setup built it, read once per test file: its files, pages and feeds, and the fixture it was built from. */
import { readFileSync } from 'node:fs';
import { beforeAll, expect, inject } from 'vitest';
import { readFixture } from './fixture';
import { TEST_SITE_URL } from './global-setup';
import { pagePath, walk } from './dist';

export { isAnswerPage } from './dist';

export const dist = inject('distDir');
export const fixture = readFixture();
export const of = (type: string) => fixture.records.filter((record) => record.type === type);
export const bySlug = (type: string, slug: string) => of(type).find((record) => record.slug === slug)!;
export const files = walk(dist);
const htmlFiles = files.filter((file) => file.endsWith('.html'));
/** A live's embeddable page is bare on purpose (no site frame, noindex): partners frame it. Tested in live.test.ts. */
const isEmbed = (page: string) => /^\/lives\/[^/]+\/embed\/$/.test(page);
export const allPages = new Map(htmlFiles.map((file) => [pagePath(dist, file), readFileSync(file, 'utf8')]));
/** Every page with the site's frame. */
export const pages = new Map([...allPages].filter(([page]) => !isEmbed(page)));
export const feedFiles = files.filter((file) => /\/feeds\/.+\.xml$/.test(file) || file.endsWith('/rss.xml'));
export const liveFeedFiles = files.filter((file) => /\/lives\/.+\/feed\.xml$/.test(file));
export const site = new URL(TEST_SITE_URL);

/** The site path of an internal URL, or null for an external one. */
export function internalPath(url: string, from: string): string | null {
  if (/^(mailto:|data:)/.test(url)) return null;
  const resolved = new URL(url, new URL(from, site));
  if (resolved.origin !== site.origin) return null;
  return resolved.pathname + resolved.hash;
}

/** Fails the file when the build is far smaller than the fixture makes it. */
export function expectWholeSite(): void {
  beforeAll(() => {
    expect(pages.size).toBeGreaterThan(200);
  });
}
