/**
 * The plugin installs into another Strapi app: packed as it would be published (its built
 * server and admin, the shared contract bundled in), it passes Strapi's `strapi-plugin verify`,
 * installs into a fresh app, and that app boots with every content type of the plugin, each
 * with its table.
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ACTIVITIES, THEMES } from '@campaign-desk/shared';
import { cmsTestEnv } from '@campaign-desk/testing/strapi';
import { makeFreshApp, packPlugin, verifyPacked } from './support/fresh-app';

let work: string;
let tarball: string;
let appDir: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'campaign-plugin-'));
  tarball = await packPlugin(work);
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** Runs the app's boot script in a process of its own, stopped by its PID however it ends. */
function boot(): Promise<{ rows: Record<string, number> }> {
  const child = spawn(process.execPath, ['boot.cjs'], {
    cwd: appDir,
    env: { ...cmsTestEnv(), PATH: process.env.PATH ?? '', DATABASE_FILENAME: path.join(appDir, '.tmp', 'data.db') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-8000)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(JSON.parse(stdout.trim().split('\n').at(-1)!));
      else reject(new Error(`the fresh app did not boot (exit ${code}):\n${stderr}`));
    });
  });
}

it('passes strapi-plugin verify as published', async () => {
  await verifyPacked(tarball, path.join(work, 'unpacked'));
});

it('boots a fresh Strapi app with every content type of the plugin, each with its table', async () => {
  const plugin = createRequire(import.meta.url)('../dist/server/index.js') as { default: { contentTypes: Record<string, unknown> } };
  const expected = Object.keys(plugin.default.contentTypes).map((name) => `plugin::campaign-desk.${name}`);
  appDir = path.join(work, 'app');
  await makeFreshApp(appDir, tarball);
  await copyFile(path.join(import.meta.dirname, 'support', 'boot.cjs'), path.join(appDir, 'boot.cjs'));
  const { rows } = await boot();
  expect(Object.keys(rows).sort()).toEqual(expected.sort());
  // Every table answers; the plugin's bootstrap ran and wrote the campaign's taxonomy.
  for (const uid of expected) expect(Number.isInteger(rows[uid]), uid).toBe(true);
  expect(rows['plugin::campaign-desk.activity']).toBe(ACTIVITIES.length);
  expect(rows['plugin::campaign-desk.theme']).toBe(THEMES.length);
});
