/**
 * The CMS's admin panel, built once and reused while its sources stay the same: `strapi build`
 * takes a minute or two, so every suite that drives the admin in a browser (and `pnpm demo`)
 * asks for it here. The build lands where Strapi serves it from (cms/dist/build) with a
 * fingerprint of what it was built from; a lock keeps two processes from building at once.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { cmsDir, cmsTestEnv } from './strapi';

const repoRoot = path.resolve(cmsDir, '..');
const pluginDir = path.join(cmsDir, 'src', 'plugins', 'campaign-desk');
export const adminBuildDir = path.join(cmsDir, 'dist', 'build');
const FINGERPRINT_FILE = path.join(adminBuildDir, '.campaign-desk-fingerprint');
const LOCK_DIR = path.join(cmsDir, 'dist', '.admin-build.lock');

/** What the admin bundle is made from: its sources, the shared package it imports, and the packages' pinned versions. */
const SOURCES = [
  path.join(cmsDir, 'src', 'admin'),
  path.join(pluginDir, 'admin', 'src'),
  path.join(pluginDir, 'common'),
  path.join(pluginDir, 'package.json'),
  path.join(repoRoot, 'shared', 'src'),
  path.join(cmsDir, 'package.json'),
];

function filesOf(entry: string): string[] {
  if (!existsSync(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry)
    .sort()
    .flatMap((name) => filesOf(path.join(entry, name)));
}

export function adminFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap(filesOf)) hash.update(path.relative(repoRoot, file)).update('\0').update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

const isCurrent = (fingerprint: string) =>
  existsSync(path.join(adminBuildDir, 'index.html')) && existsSync(FINGERPRINT_FILE) && readFileSync(FINGERPRINT_FILE, 'utf8') === fingerprint;

async function lock(): Promise<() => void> {
  mkdirSync(path.dirname(LOCK_DIR), { recursive: true });
  for (let waited = 0; ; waited += 1) {
    try {
      mkdirSync(LOCK_DIR);
      writeFileSync(path.join(LOCK_DIR, 'pid'), String(process.pid));
      return () => rmSync(LOCK_DIR, { recursive: true, force: true });
    } catch {
      // Another process builds; a lock whose process is gone is stale.
      const holder = Number(readFileSync(path.join(LOCK_DIR, 'pid'), 'utf8').trim() || NaN);
      if (!Number.isFinite(holder) || !alive(holder)) rmSync(LOCK_DIR, { recursive: true, force: true });
      else if (waited > 600) throw new Error(`the admin build lock ${LOCK_DIR} was held for ten minutes by process ${holder}`);
      else await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function strapiBuild(env: Record<string, string>): Promise<void> {
  const strapiBin = path.join(path.dirname(createRequire(path.join(cmsDir, 'package.json')).resolve('@strapi/strapi/package.json')), 'bin', 'strapi.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [strapiBin, 'build'], { cwd: cmsDir, env: { ...process.env, ...env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-8000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`strapi build exited with ${code}:\n${output}`))));
  });
}

/**
 * Builds the admin panel unless the build in cms/dist/build was made from the same sources.
 * `env` is the app's environment for the build (secrets are not needed; the test environment's are used).
 */
export async function ensureAdminBuild(env: Record<string, string> = cmsTestEnv()): Promise<{ built: boolean; fingerprint: string }> {
  const fingerprint = adminFingerprint();
  if (isCurrent(fingerprint)) return { built: false, fingerprint };
  const release = await lock();
  try {
    if (isCurrent(fingerprint)) return { built: false, fingerprint };
    await strapiBuild(env);
    writeFileSync(FINGERPRINT_FILE, fingerprint);
    return { built: true, fingerprint };
  } finally {
    release();
  }
}
