/**
 * Builds the fixture site once per test run (astro build, Pagefind included) into a
 * temporary directory that every test file reads; the image server it needs runs only
 * for the build.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { augmentedFixture, makeImages, serveImages } from './fixture';
import { astro, copySite } from './site-copy';

export const TEST_SITE_URL = 'https://xianning-liuda.example.org';
/** Inside phase 2 (转型发展示范区), so the build has a current phase and upcoming events. */
export const TEST_NOW = '2020-06-15T12:00:00+08:00';

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
    buildLog: string;
    buildMs: number;
  }
}

export default async function setup(project: TestProject) {
  const work = await mkdtemp(path.join(tmpdir(), 'campaign-site-test-'));
  const images = await serveImages(await makeImages());
  const distDir = path.join(work, 'dist');
  const snapshotFile = path.join(work, 'snapshot.json');
  let started = 0;
  try {
    await writeFile(snapshotFile, JSON.stringify(augmentedFixture(images.url)));
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.CAMPAIGN_DESK_SNAPSHOT_URL;
    delete env.CAMPAIGN_DESK_TOKEN;
    Object.assign(env, {
      CAMPAIGN_DESK_SNAPSHOT_FILE: snapshotFile,
      CAMPAIGN_DESK_OUT_DIR: distDir,
      CAMPAIGN_DESK_CACHE_DIR: path.join(work, 'cache'),
      CAMPAIGN_DESK_NOW: TEST_NOW,
      SITE_URL: TEST_SITE_URL,
      ASTRO_TELEMETRY_DISABLED: '1',
    });
    started = Date.now();
    const root = await copySite(work);
    const log = await astro(root, ['build'], env);
    await writeFile(path.join(work, 'build.log'), log);
    project.provide('distDir', distDir);
    project.provide('buildLog', log);
    project.provide('buildMs', Date.now() - started);
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw error;
  } finally {
    await images.close();
  }
  return async () => {
    if (!process.env.KEEP_TEST_SITE) await rm(work, { recursive: true, force: true });
    else console.log(`test site kept in ${work}`);
  };
}
