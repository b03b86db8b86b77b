/**
 * Builds made once per version of what they are made of (the site's compile, the admin
 * panel): a fingerprint of their sources, and the build run as a child process whose failure
 * says why in the last of what it printed. Node only, so not in the contract's index:
 * `@campaign-desk/shared/build`.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** How much of a failed build's output its error keeps: the end, where the reason is. */
const OUTPUT_TAIL = 8000;

/** Every file of these paths (a directory's, recursively; a file as itself; none of a missing one), sorted. */
export async function filesOf(paths: string[]): Promise<string[]> {
  const found = await Promise.all(
    paths.map(async (entry) => {
      if (!existsSync(entry)) return [];
      if (!(await stat(entry)).isDirectory()) return [entry];
      const entries = await readdir(entry, { recursive: true, withFileTypes: true });
      return entries.filter((file) => file.isFile()).map((file) => path.join(file.parentPath, file.name));
    }),
  );
  return found.flat().sort();
}

/** A short hash of `preamble` and of each file, by its path relative to `root` and its bytes: a new one means a new build. */
export async function fingerprintOf(root: string, files: string[], preamble = ''): Promise<string> {
  const hash = createHash('sha256').update(preamble);
  for (const file of files)
    hash
      .update(path.relative(root, file))
      .update('\u0000')
      .update(await readFile(file))
      .update('\u0000');
  return hash.digest('hex').slice(0, 16);
}

/** Runs `node script ...args`: resolves once it exits 0, otherwise fails with `failure`, its exit code and the end of its output. */
export function runNode(script: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; failure: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${options.failure} (exit ${code}):\n${output.replace(/\u001b\[[0-9;]*m/g, '').trim()}`)),
    );
  });
}
