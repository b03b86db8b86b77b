/**
 * `pnpm backup [--file path]`: the whole campaign (database, uploads, accounts, the site's
 * token) in one archive, encrypted with BACKUP_ENCRYPTION_KEY from .env; see lib/backup.ts
 * and docs/operator/backups.md. Safe while Strapi runs; a publish made during the backup may be
 * in it or not.
 */
import { chmodSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backUp } from './lib/backup';
import { backupKey, withQuietCms } from './lib/backup-cli';
import { repoRoot } from './lib/paths';

const { values } = parseArgs({ options: { file: { type: 'string' } } });

/** backups/campaign-desk-20200615-120000 (Strapi adds .tar.gz.enc). */
function defaultFile(): string {
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return path.join(repoRoot, 'backups', `campaign-desk-${stamp}`);
}

try {
  const file = values.file ? path.resolve(process.env.INIT_CWD ?? process.cwd(), values.file) : defaultFile();
  const written = await withQuietCms((strapi) => backUp(strapi, file, backupKey()));
  // Encrypted, yet it holds password hashes and token digests: its owner's only.
  chmodSync(written, 0o600);
  console.log(`Backed up to ${written} (${(statSync(written).size / 1024 / 1024).toFixed(1)} MB).`);
  console.log(
    'Restoring it needs this .env (its BACKUP_ENCRYPTION_KEY, and the salts and keys API tokens are kept with): keep a copy apart from the backups.',
  );
} catch (error) {
  console.error(`The backup failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
