/**
 * A private copy of the site's sources to run `astro build`/`astro sync` in. Astro writes
 * into its root (.astro/, Vite's cache), so builds of the same directory at once (a developer's
 * `astro dev`, another package's tests) would trip over each other; a copy cannot.
 */
import { cp, mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';

export const SITE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export async function copySite(into: string): Promise<string> {
  const root = path.join(into, 'site');
  await mkdir(root, { recursive: true });
  for (const entry of ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    await cp(path.join(SITE_ROOT, entry), path.join(root, entry), { recursive: true });
  }
  await symlink(path.join(SITE_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return root;
}

/** Runs the astro CLI in a site root; resolves with its output, rejects with it on failure. */
export function astro(root: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(SITE_ROOT, 'node_modules/astro/astro.js'), ...args], {
      cwd: root,
      env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`astro ${args.join(' ')} failed (exit ${code}):\n${output.slice(-6000)}`)),
    );
  });
}
