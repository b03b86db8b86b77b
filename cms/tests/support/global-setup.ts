/**
 * Once per run: compile the Strapi app (tests boot it from dist/) and, for the
 * PostgreSQL project, start a throwaway cluster unless TEST_DATABASE_URL names one.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { findPostgresBin, startCluster, type Cluster } from './postgres';

const require = createRequire(import.meta.url);
const appDir = path.resolve(__dirname, '..', '..');

let cluster: Cluster | undefined;

export async function setup() {
  const { compileStrapi } = require('@strapi/strapi') as { compileStrapi: (options: { appDir: string }) => Promise<unknown> };
  await compileStrapi({ appDir });
  if (process.env.CAMPAIGN_DESK_TEST_POSTGRES === '1' && !process.env.TEST_DATABASE_URL) {
    cluster = await startCluster(findPostgresBin()!);
    // Worker threads copy this environment when they start, after global setup.
    process.env.TEST_DATABASE_URL = cluster.url;
  }
}

export async function teardown() {
  cluster?.stop();
}
