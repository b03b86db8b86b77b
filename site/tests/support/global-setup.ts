/**
 * Builds the fixture site once per test run, as a preview (the fixture is all sample content;
 * the public build is tested page by page in tests/unit/renderer.test.ts), the way the publisher
 * builds a release (support/build.ts), into a temporary directory that every test file reads.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import type { FooterConfig } from '../../src/lib/footer';
import { buildFixtureSite } from './build';

export { TEST_NOW } from './build';

export const TEST_SITE_URL = 'https://xianning-liuda.example.org';
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
  try {
    const built = await buildFixtureSite({ work, siteUrl: TEST_SITE_URL, footer: TEST_FOOTER });
    project.provide('distDir', built.distDir);
    project.provide('warnings', built.warnings);
    project.provide('buildMs', built.buildMs);
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw error;
  }
  return async () => {
    if (!process.env.KEEP_TEST_SITE) await rm(work, { recursive: true, force: true });
    else console.log(`test site kept in ${work}`);
  };
}
