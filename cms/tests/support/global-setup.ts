/**
 * Once per run: compile the Strapi app (tests boot it from dist/) and, for the
 * PostgreSQL project, start a throwaway cluster unless TEST_DATABASE_URL names one.
 */
import { compileCms } from '@campaign-desk/testing/strapi';
import { startCluster, type Cluster } from '@campaign-desk/testing/postgres';
import { findPostgresBin } from '@campaign-desk/testing/postgres-bin';

let cluster: Cluster | undefined;

export async function setup() {
  await compileCms();
  if (process.env.CAMPAIGN_DESK_TEST_POSTGRES === '1' && !process.env.TEST_DATABASE_URL) {
    cluster = await startCluster(findPostgresBin()!);
    // Worker threads copy this environment when they start, after global setup.
    process.env.TEST_DATABASE_URL = cluster.url;
  }
}

export async function teardown() {
  cluster?.stop();
}
