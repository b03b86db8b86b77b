/**
 * Builds the fixture site once per test run, as a preview (the fixture is all sample content;
 * the public build is tested page by page in tests/unit/renderer.test.ts), the way the publisher builds a release (the
 * renderer: compile, sync, render every page, images, search shards), into a temporary
 * directory that every test file reads; the image server it needs runs only for the build.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { closeSearchIndexer, DEFAULT_SITE_DIR, exportSite, SiteRenderer } from '../../renderer';
import type { FooterConfig } from '../../src/lib/footer';
import { augmentedFixture, makeImages, serveImages } from './fixture';

export const TEST_SITE_URL = 'https://xianning-liuda.example.org';
/** Inside phase 2 (转型发展示范区), so the build has a current phase and upcoming events. */
export const TEST_NOW = '2020-06-15T12:00:00+08:00';
/** Some of the footer's settings, and not others (承办单位, address, 公安备案号), which must not show. */
export const TEST_FOOTER: FooterConfig = {
  sponsor: '咸宁市测试主办单位',
  organizer: null,
  phone: '0715-8123456',
  email: 'contact@example.org',
  address: null,
  icp: '鄂ICP备12345678号-1',
  police: null,
  govId: '4212000001',
};

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
    warnings: string[];
    buildMs: number;
  }
}

export default async function setup(project: TestProject) {
  const work = await mkdtemp(path.join(tmpdir(), 'campaign-site-test-'));
  const images = await serveImages(await makeImages());
  const distDir = path.join(work, 'dist');
  const snapshotFile = path.join(work, 'snapshot.json');
  let renderer: SiteRenderer | undefined;
  try {
    await writeFile(snapshotFile, JSON.stringify(augmentedFixture(images.url)));
    const started = Date.now();
    renderer = await SiteRenderer.start({ siteDir: DEFAULT_SITE_DIR, siteUrl: TEST_SITE_URL, footer: TEST_FOOTER });
    const mediaDir = path.join(work, 'media');
    const plan = await renderer.sync({ source: { kind: 'file', path: snapshotFile }, mediaDir, now: TEST_NOW, preview: true, full: true });
    await exportSite(renderer, plan, distDir);
    project.provide('distDir', distDir);
    project.provide('warnings', plan.warnings);
    project.provide('buildMs', Date.now() - started);
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw error;
  } finally {
    await renderer?.close();
    await closeSearchIndexer();
    await images.close();
  }
  return async () => {
    if (!process.env.KEEP_TEST_SITE) await rm(work, { recursive: true, force: true });
    else console.log(`test site kept in ${work}`);
  };
}
