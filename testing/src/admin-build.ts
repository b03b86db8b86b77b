/**
 * The Strapi admin panel, built for the tests that drive it in a browser: `strapi build`
 * takes a minute or two, so it runs only when what the panel is made of changed since the
 * last build (the app's and the plugin's admin sources, their shared modules, the package
 * manifests), and suites running at once wait for one build rather than making two.
 * Strapi then serves it from cms/dist/build at /admin.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cmsDir } from './strapi';

const BUILD_DIR = path.join(cmsDir, 'dist', 'build');
const STAMP = path.join(BUILD_DIR, '.campaign-desk-sources');
const LOCK = path.join(cmsDir, '.admin-build.lock');
/** A lock older than this was left by a build that died. */
const STALE_LOCK_MS = 15 * 60_000;

async function filesUnder(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name)).sort();
}

/** A hash of everything the admin build is made of. */
async function sourcesFingerprint(): Promise<string> {
  const plugin = path.join(cmsDir, 'src', 'plugins', 'campaign-desk');
  const files = [
    ...(await filesUnder(path.join(cmsDir, 'src', 'admin'))),
    ...(await filesUnder(path.join(plugin, 'admin', 'src'))),
    ...(await filesUnder(path.join(plugin, 'common'))),
    path.join(plugin, 'package.json'),
    path.join(cmsDir, 'package.json'),
    path.join(cmsDir, 'config', 'admin.ts'),
  ];
  const hash = createHash('sha256');
  for (const file of files) hash.update(path.relative(cmsDir, file)).update('\u0000').update(await readFile(file)).update('\u0000');
  return hash.digest('hex');
}

function strapiBuild(): Promise<void> {
  const strapi = path.join(cmsDir, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [strapi, 'build', '--silent'],
      // A production bundle whatever runs the tests (vitest sets NODE_ENV=test).
      { cwd: cmsDir, env: { ...process.env, NODE_ENV: 'production', STRAPI_TELEMETRY_DISABLED: 'true' }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => (error ? reject(new Error(`strapi build failed: ${`${stdout}${stderr}`.slice(-8000)}`)) : resolve()),
    );
  });
}

async function withLock<T>(work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      await mkdir(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (await stat(LOCK).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
      if (age > STALE_LOCK_MS) await rm(LOCK, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  try {
    return await work();
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
}

/** Builds the admin panel unless the build in cms/dist/build is of the current sources. */
export async function ensureAdminBuild(log: (line: string) => void = () => {}): Promise<void> {
  await withLock(async () => {
    const fingerprint = await sourcesFingerprint();
    if (existsSync(STAMP) && (await readFile(STAMP, 'utf8')) === fingerprint) return;
    log('building the Strapi admin panel (strapi build)');
    await strapiBuild();
    await writeFile(STAMP, fingerprint);
  });
}
