/** What `pnpm backup` and `pnpm restore` share: the key, and the CMS booted to read or write the data. */
import type { Core } from '@strapi/strapi';
import { withCms } from './cms';
import { loadEnv } from './env';

/** The archive's key, from .env (`pnpm setup` adds one to a .env made before backups existed). */
export function backupKey(): string {
  const key = process.env.BACKUP_ENCRYPTION_KEY;
  if (!key) throw new Error('BACKUP_ENCRYPTION_KEY is not set: run pnpm setup to add one to .env');
  return key;
}

/**
 * The CMS in this process, delivering nothing: a backup must not send events meant for the
 * running server, and a restore must not send the events of the data it is replacing.
 */
export function withQuietCms<T>(task: (strapi: Core.Strapi) => Promise<T>): Promise<T> {
  process.env.CAMPAIGN_DESK_BUILD_HOOKS = '[]';
  loadEnv();
  return withCms(task);
}
