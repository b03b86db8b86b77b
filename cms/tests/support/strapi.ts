/**
 * Boots the Strapi app from dist/ on a database of its own (a temporary SQLite file, or
 * a fresh database on the test PostgreSQL server) and serves it on 127.0.0.1.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import pg from 'pg';

const require = createRequire(import.meta.url);
// @strapi/strapi's ESM build does not load under vitest; its CommonJS build does.
const { createStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');

const appDir = path.resolve(__dirname, '..', '..');

export interface TestCms {
  strapi: Core.Strapi;
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  /** Stops Strapi and drops its database; the data is gone. */
  destroy(): Promise<void>;
  /** Stops Strapi and keeps its database, to boot again on it with `startCms({ reuse })`. */
  stop(): Promise<void>;
  env: Record<string, string>;
}

/** How to drop each test database, kept across the instances booted on it. */
const drops = new WeakMap<TestCms, () => Promise<void>>();

const secret = () => randomBytes(16).toString('base64');

async function databaseEnv(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (process.env.TEST_DATABASE === 'postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('TEST_DATABASE=postgres needs TEST_DATABASE_URL');
    const name = `campaign_desk_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return {
      env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.href },
      drop: async () => {
        const client = new pg.Client({ connectionString: adminUrl });
        await client.connect();
        await client.query(`drop database if exists ${name} with (force)`);
        await client.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'campaign-desk-test-'));
  return {
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'data.db') },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function startCms(options: { env?: Record<string, string>; reuse?: TestCms } = {}): Promise<TestCms> {
  const database = options.reuse ? null : await databaseEnv();
  const env: Record<string, string> = options.reuse?.env ?? {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    APP_KEYS: [secret(), secret()].join(','),
    ADMIN_JWT_SECRET: secret(),
    API_TOKEN_SALT: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    ENCRYPTION_KEY: secret(),
    STRAPI_TELEMETRY_DISABLED: 'true',
    LOG_LEVEL: 'warn',
    LOG_STARTUP: 'false',
    ...database!.env,
    ...options.env,
  };
  Object.assign(process.env, env);

  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  await strapi.server.mount();
  const httpServer = strapi.server.httpServer;
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;

  const stop = async () => {
    await strapi.destroy();
  };
  const drop = options.reuse ? drops.get(options.reuse)! : database!.drop;
  const cms: TestCms = {
    strapi,
    url: `http://127.0.0.1:${port}`,
    env,
    stop,
    destroy: async () => {
      await stop();
      await drop();
    },
  };
  drops.set(cms, drop);
  return cms;
}
