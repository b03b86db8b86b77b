/**
 * The site's compile (`astro build` in a child process) is given the site's variables and
 * Node's basics, never the secrets of the process that starts it.
 */
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it, vi } from 'vitest';
import { envRestorer } from '@campaign-desk/testing/env';
import { BASIC_ENV, SITE_ENV, compileSite } from '../../renderer';

/** The environment of each `astro build`; the build itself is not run (it fails at once). */
const spawned = vi.hoisted(() => [] as Array<Record<string, string>>);
vi.mock('node:child_process', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:child_process')>();
  const { PassThrough } = await import('node:stream');
  return {
    ...actual,
    spawn: (_command: string, _args: string[], options: { env: Record<string, string> }) => {
      spawned.push(options.env);
      const child = Object.assign(new EventEmitter(), { stdout: new PassThrough(), stderr: new PassThrough() });
      setImmediate(() => child.emit('close', 1));
      return child;
    },
  };
});

const SECRETS = {
  ADMIN_JWT_SECRET: 'admin-jwt-secret',
  APP_KEYS: 'a,b',
  ENCRYPTION_KEY: 'key',
  API_TOKEN_SALT: 'salt',
  PUBLISHER_HOOK_SECRET: 'hook-secret-0123456789',
};
afterAll(envRestorer());

it('compiles the site with the site’s variables and Node’s basics only', async () => {
  Object.assign(process.env, SECRETS, { CAMPAIGN_DESK_SNAPSHOT_FILE: '/tmp/snapshot.json', MODE: 'test', DEV: '1' });
  // An address no compile was made for, so a compile is started.
  const siteUrl = `https://environment-test-${process.pid}.example.org`;
  await expect(compileSite(fileURLToPath(new URL('../../', import.meta.url)), siteUrl)).rejects.toThrow('compiling the site failed');
  expect(spawned).toHaveLength(1);
  const env = spawned[0]!;
  for (const name of Object.keys(SECRETS)) expect(env).not.toHaveProperty(name);
  // Names Astro would read into import.meta.env stay out too.
  expect(env).not.toHaveProperty('MODE');
  expect(env).not.toHaveProperty('DEV');
  expect(env).toMatchObject({
    SITE_URL: siteUrl,
    CAMPAIGN_DESK_SNAPSHOT_FILE: '/tmp/snapshot.json',
    NODE_ENV: 'production',
    PATH: process.env.PATH,
  });
  // Nothing but the site's variables, Node's basics, and what the compile itself sets.
  const allowed = new Set([
    ...SITE_ENV,
    ...BASIC_ENV,
    'NODE_ENV',
    'ASTRO_TELEMETRY_DISABLED',
    'CAMPAIGN_DESK_OUT_DIR',
    'CAMPAIGN_DESK_CACHE_DIR',
  ]);
  expect(Object.keys(env).filter((name) => !allowed.has(name))).toEqual([]);
});
