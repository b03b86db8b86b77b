/**
 * The fixture built as the publisher builds a release (the renderer: compile, sync, render
 * every page, images, search shards) into `work/dist`; the image server it needs runs only
 * for the build. The global setup builds it at the root of its host; the sub-path test under a
 * portal's path.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SiteAddress } from '@campaign-desk/shared';
import { closeSearchIndexer, DEFAULT_SITE_DIR, exportSite, SiteRenderer } from '../../renderer';
import type { FooterConfig } from '../../src/lib/footer';
import { augmentedFixture, makeImages, serveImages } from './fixture';

/** Inside phase 2 (转型发展示范区), so the build has a current phase and upcoming events. */
export const TEST_NOW = '2020-06-15T12:00:00+08:00';

export type BuiltSite = { distDir: string; warnings: string[]; buildMs: number };

export async function buildFixtureSite(options: {
  work: string;
  siteUrl: string;
  footer?: FooterConfig;
  submitUrl?: string;
}): Promise<BuiltSite> {
  const images = await serveImages(await makeImages());
  const distDir = path.join(options.work, 'dist');
  const snapshotFile = path.join(options.work, 'snapshot.json');
  const site = new SiteAddress(options.siteUrl);
  let renderer: SiteRenderer | undefined;
  try {
    // Links typed into records as a person writes them for this address.
    await writeFile(snapshotFile, JSON.stringify(augmentedFixture(images.url, (sitePath) => site.path(sitePath))));
    const started = Date.now();
    renderer = await SiteRenderer.start({
      siteDir: DEFAULT_SITE_DIR,
      siteUrl: options.siteUrl,
      footer: options.footer,
      submitUrl: options.submitUrl,
    });
    const mediaDir = path.join(options.work, 'media');
    const plan = await renderer.sync({ source: { kind: 'file', path: snapshotFile }, mediaDir, now: TEST_NOW, preview: true, full: true });
    await exportSite(renderer, plan, distDir);
    return { distDir, warnings: plan.warnings, buildMs: Date.now() - started };
  } finally {
    await renderer?.close();
    await closeSearchIndexer();
    await images.close();
  }
}
