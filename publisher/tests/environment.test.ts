/**
 * Secrets stay where they belong: the publisher is started with its own variables only, and
 * gives the site's renderer (a worker thread running the compiled site) the site's only.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { envRestorer } from '@campaign-desk/testing/env';
import { BASIC_ENV, SITE_ENV, SiteRenderer } from '@campaign-desk/site/renderer';
import { publisherEnvironment } from '../src/config';
import { SITE_URL } from './support/system';

/** The environment each worker thread was started with. */
const workerEnvironments = vi.hoisted(() => [] as Array<Record<string, string> | undefined>);
vi.mock('node:worker_threads', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:worker_threads')>();
  class RecordingWorker extends actual.Worker {
    constructor(filename: string | URL, options?: ConstructorParameters<typeof actual.Worker>[1]) {
      workerEnvironments.push(options?.env as Record<string, string> | undefined);
      super(filename, options);
    }
  }
  return { ...actual, Worker: RecordingWorker };
});

/** What the repository's .env holds for the CMS, and the publisher's own secrets. */
const CMS_SECRETS = {
  APP_KEYS: 'app-key-1,app-key-2',
  ADMIN_JWT_SECRET: 'admin-jwt-secret',
  API_TOKEN_SALT: 'api-token-salt',
  TRANSFER_TOKEN_SALT: 'transfer-token-salt',
  ENCRYPTION_KEY: 'encryption-key',
  BACKUP_ENCRYPTION_KEY: 'backup-encryption-key',
  DATABASE_URL: 'postgres://campaign:secret@127.0.0.1:5432/campaign_desk',
  CAMPAIGN_DESK_BUILD_HOOKS: '[{"name":"site","url":"http://127.0.0.1:4322/hooks/publish","secret":"hook-secret-0123456789"}]',
};
const PUBLISHER_SECRETS = { PUBLISHER_HOOK_SECRET: 'hook-secret-0123456789', PUBLISHER_TOKEN: 'status-token-0123456789' };

afterAll(envRestorer());

describe('the environment', () => {
  it('the publisher is started with: its own variables and what Node needs, none of the CMS’s', () => {
    const own = {
      ...PUBLISHER_SECRETS,
      PATH: '/usr/bin',
      HOME: '/home/campaign',
      SITE_URL,
      CAMPAIGN_DESK_SNAPSHOT_URL: 'http://127.0.0.1:1337/api/campaign-desk/snapshot',
      CAMPAIGN_DESK_TOKEN: 'read-only-token',
      CAMPAIGN_DESK_PREVIEW: 'true',
      SITE_SPONSOR: '中共咸宁市委宣传部',
      PUBLISHER_PORT: '4321',
    };
    expect(publisherEnvironment({ ...CMS_SECRETS, ...own })).toEqual(own);
  });

  it('the renderer’s worker is given: the site’s variables only, not the secrets of the process that starts it', async () => {
    Object.assign(process.env, CMS_SECRETS, PUBLISHER_SECRETS, { CAMPAIGN_DESK_NOW: '2020-06-15T12:00:00+08:00' });
    const renderer = await SiteRenderer.start({ siteDir: fileURLToPath(new URL('../../site/', import.meta.url)), siteUrl: SITE_URL });
    await renderer.close();
    expect(workerEnvironments).toHaveLength(1);
    const env = workerEnvironments[0]!;
    for (const name of [...Object.keys(CMS_SECRETS), ...Object.keys(PUBLISHER_SECRETS)]) expect(env).not.toHaveProperty(name);
    expect(env).toMatchObject({ SITE_URL, CAMPAIGN_DESK_NOW: '2020-06-15T12:00:00+08:00', NODE_ENV: 'production', PATH: process.env.PATH });
    // Nothing beyond the site's variables and Node's basics (a test runner's own, say VITEST, included).
    expect(Object.keys(env).filter((name) => ![...BASIC_ENV, ...SITE_ENV, 'NODE_ENV'].includes(name))).toEqual([]);
  });
});
