/**
 * `pnpm restore <file> [--force]`: replaces everything in the configured database and uploads
 * with a backup made by `pnpm backup` (see lib/backup.ts and docs/operator/backups.md). Stop
 * Strapi first. A database that already has accounts is replaced only with --force.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { restore } from './lib/backup';
import { backupKey, withQuietCms } from './lib/backup-cli';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { force: { type: 'boolean', default: false } } });

try {
  const [given] = positionals;
  if (!given) throw new Error('name the backup to restore: pnpm restore backups/campaign-desk-….tar.gz.enc');
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), given);
  await withQuietCms((strapi) => restore(strapi, file, backupKey(), { replace: values.force }));
  console.log(`Restored ${file}. Start Strapi, and restart the publisher: its start-up build reads the whole snapshot again.`);
} catch (error) {
  console.error(`The restore failed: ${(error as Error).message.replace(/^the restore failed: /, '')}`);
  process.exitCode = 1;
}
