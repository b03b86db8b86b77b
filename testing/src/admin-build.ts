/**
 * The admin panel, built once per version of what it is made of and shared by every suite
 * that drives it in a browser (and by `pnpm demo`). `strapi build` takes a minute on two
 * cores, so it runs only when the fingerprint of its inputs (the app's admin
 * customisations, the plugin's admin half and the modules it imports, the configuration
 * read at build time, the locked dependencies) or the purpose differs from the one written
 * beside the last build. Instances booted from cms/dist serve it from cms/dist/build,
 * where `strapi build` puts it.
 */
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { filesOf, fingerprintOf, runNode } from '@campaign-desk/shared/build';
import { cmsDir, cmsRequire } from './strapi';

const repoRoot = path.dirname(cmsDir);
const pluginDir = path.join(cmsDir, 'src', 'plugins', 'campaign-desk');
const buildDir = path.join(cmsDir, 'dist', 'build');
const FINGERPRINT_FILE = path.join(buildDir, '.campaign-desk-fingerprint');
/** Held while one process builds, so two suites started together do not build over each other. */
const LOCK_FILE = path.join(cmsDir, 'dist', '.admin-build.lock');

/** Everything the bundle is made of: a change to any of these means a new build. */
const INPUTS = [
  path.join(cmsDir, 'src', 'admin'),
  path.join(cmsDir, 'src', 'locale.ts'),
  path.join(pluginDir, 'admin', 'src'),
  path.join(pluginDir, 'common'),
  path.join(pluginDir, 'package.json'),
  path.join(repoRoot, 'shared', 'src'),
  // what the build reads of the configuration: the admin's path and flags, the public URL, the plugins
  ...['admin.ts', 'server.ts', 'plugins.ts'].map((file) => path.join(cmsDir, 'config', file)),
  path.join(cmsDir, 'package.json'),
  path.join(repoRoot, 'pnpm-lock.yaml'),
];

export async function adminFingerprint(): Promise<string> {
  return fingerprintOf(repoRoot, await filesOf(INPUTS));
}

async function builtFingerprint(): Promise<string | null> {
  return existsSync(FINGERPRINT_FILE) ? (await readFile(FINGERPRINT_FILE, 'utf8')).trim() : null;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Takes the build lock, waiting while a live process holds it; a dead holder's lock is taken over. */
async function lock(): Promise<() => Promise<void>> {
  await mkdir(path.dirname(LOCK_FILE), { recursive: true });
  for (;;) {
    try {
      const handle = await open(LOCK_FILE, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(LOCK_FILE, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number((await readFile(LOCK_FILE, 'utf8').catch(() => '')).trim());
      if (!Number.isInteger(holder) || holder <= 0 || !isRunning(holder)) await rm(LOCK_FILE, { force: true });
      else await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

/**
 * `test`: with React's development checks, as `strapi develop` runs the admin, so
 * react-intl reports every message a catalogue lacks in the console.
 * `production`: as `strapi build` makes it for serving.
 */
export type AdminBuildPurpose = 'test' | 'production';

function strapiBuild(purpose: AdminBuildPurpose): Promise<void> {
  // The CMS's own @strapi/strapi, the copy its plugins are built against.
  const cli = path.join(path.dirname(cmsRequire.resolve('@strapi/strapi/package.json')), 'bin', 'strapi.js');
  return runNode(cli, ['build', '--silent'], {
    cwd: cmsDir,
    // Vite makes a minified bundle either way; NODE_ENV decides which builds of React and
    // react-intl it holds (vitest would pass its own, test).
    env: { ...process.env, NODE_ENV: purpose === 'test' ? 'development' : 'production' },
    failure: 'strapi build failed',
  });
}

/**
 * Makes sure cms/dist/build holds the admin panel of the sources as they are, for
 * `purpose`, building it when they changed (or were never built for it). Returns whether
 * it built.
 */
export async function ensureAdminBuild(purpose: AdminBuildPurpose, log: (line: string) => void = () => {}): Promise<boolean> {
  const fingerprint = `${await adminFingerprint()} ${purpose}`;
  if ((await builtFingerprint()) === fingerprint) return false;
  const unlock = await lock();
  try {
    // Another suite may have built it while this one waited for the lock.
    if ((await builtFingerprint()) === fingerprint) return false;
    log(`building the admin panel (${fingerprint})`);
    await rm(FINGERPRINT_FILE, { force: true });
    await strapiBuild(purpose);
    await writeFile(FINGERPRINT_FILE, `${fingerprint}\n`);
    return true;
  } finally {
    await unlock();
  }
}
