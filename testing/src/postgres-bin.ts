/**
 * Where this machine's PostgreSQL server binaries are, if anywhere. Apart from the cluster
 * (postgres.ts) because the CMS's vitest.config.ts asks it too, and Vite loads the config with its
 * workspace imports left to Node, which cannot run their TypeScript.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

export function findPostgresBin(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'))) return dir;
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const dir = path.join(root, version, 'bin');
    if (existsSync(path.join(dir, 'initdb'))) return dir;
  }
  return null;
}
