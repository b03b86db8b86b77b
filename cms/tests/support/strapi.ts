/**
 * The CMS for a test file, on a database of its own (a temporary SQLite file, or a fresh
 * database on the test PostgreSQL server), booted in Strapi's shared test environment.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { freePort } from '@campaign-desk/testing/ports';
import { bootCms, cmsTestEnv } from '@campaign-desk/testing/strapi';
import pg from 'pg';

export interface TestCms {
  strapi: Core.Strapi;
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  /** Stops Strapi and drops its database; the data is gone. */
  destroy(): Promise<void>;
  /** Stops Strapi and keeps its database, to boot again on it with `startCms({ reuse })`. */
  stop(): Promise<void>;
  /** Drops the database of an instance already stopped. */
  drop(): Promise<void>;
  env: Record<string, string>;
}

/** How to drop each test database, kept across the instances booted on it. */
const drops = new WeakMap<TestCms, () => Promise<void>>();

export type TestDatabase = 'sqlite' | 'postgres';

async function databaseEnv(kind: TestDatabase): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (kind === 'postgres') {
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

/**
 * A CMS on a fresh database of the suite's project (TEST_DATABASE), or of `database`; or, with
 * `reuse`, booted again on the database of one stopped before.
 */
export async function startCms(options: { env?: Record<string, string>; reuse?: TestCms; database?: TestDatabase } = {}): Promise<TestCms> {
  const database = options.reuse ? null : await databaseEnv(options.database ?? (process.env.TEST_DATABASE as TestDatabase));
  // The port is chosen before boot and configured, as a server's would be: it is the CMS's own
  // address (server.absoluteUrl) that image URLs are made from when PUBLIC_URL is unset.
  const env: Record<string, string> = options.reuse?.env ?? {
    ...cmsTestEnv(),
    ...database!.env,
    PORT: String(await freePort()),
    ...options.env,
  };
  const { strapi, url } = await bootCms(env, Number(env.PORT));

  const stop = async () => {
    await strapi.destroy();
  };
  const drop = options.reuse ? drops.get(options.reuse)! : database!.drop;
  const cms: TestCms = {
    strapi,
    url,
    env,
    stop,
    drop,
    destroy: async () => {
      // The database goes even if Strapi fails to stop cleanly: nothing is left in the temporary directory.
      try {
        await stop();
      } finally {
        await drop();
      }
    },
  };
  drops.set(cms, drop);
  return cms;
}
