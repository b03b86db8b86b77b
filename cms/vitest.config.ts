import { defineConfig } from 'vitest/config';
import { findPostgresBin } from './tests/support/postgres-bin';

// The suite runs on SQLite, and again on PostgreSQL when a server is at hand: the one
// TEST_DATABASE_URL names, or a throwaway cluster from the local server binaries.
const postgres = Boolean(process.env.TEST_DATABASE_URL) || findPostgresBin() !== null;
if (postgres) process.env.CAMPAIGN_DESK_TEST_POSTGRES = '1';

export default defineConfig({
  test: {
    // strapi.destroy() removes every process listener, which the forks pool relies on.
    pool: 'threads',
    globalSetup: ['tests/support/global-setup.ts'],
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: [
      { extends: true as const, test: { name: 'sqlite', env: { TEST_DATABASE: 'sqlite' } } },
      ...(postgres ? [{ extends: true as const, test: { name: 'postgres', env: { TEST_DATABASE: 'postgres' } } }] : []),
    ],
  },
});
