import { defineConfig } from 'vitest/config';
import { findPostgresBin } from '../testing/src/postgres-bin';

// The suite runs on SQLite, and again on PostgreSQL when a server is at hand: the one
// TEST_DATABASE_URL names, or a throwaway cluster from the local server binaries.
const postgres = Boolean(process.env.TEST_DATABASE_URL) || findPostgresBin() !== null;
if (postgres) process.env.CAMPAIGN_DESK_TEST_POSTGRES = '1';

/** Browser tests of the admin panel: what a person sees does not depend on the database, so SQLite only. */
const ADMIN_TESTS = 'tests/admin/**/*.test.ts';

export default defineConfig({
  test: {
    // strapi.destroy() removes every process listener, which the forks pool relies on.
    pool: 'threads',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true as const,
        test: {
          name: 'sqlite',
          include: ['tests/**/*.test.ts'],
          exclude: [ADMIN_TESTS],
          globalSetup: ['tests/support/global-setup.ts'],
          env: { TEST_DATABASE: 'sqlite' },
        },
      },
      ...(postgres
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: ['tests/**/*.test.ts'],
                // Where uploads are kept does not depend on the database.
                exclude: [ADMIN_TESTS, 'tests/object-storage.test.ts'],
                globalSetup: ['tests/support/global-setup.ts'],
                env: { TEST_DATABASE: 'postgres' },
              },
            },
          ]
        : []),
      {
        extends: true as const,
        test: {
          name: 'admin',
          include: [ADMIN_TESTS],
          // After the database projects, not beside them: Chromium and two Strapis on two
          // cores starve the timing-sensitive outbox tests.
          sequence: { groupOrder: 1 },
          // The admin panel is built only when what it is made of changed (a minute or so).
          globalSetup: ['tests/support/admin-setup.ts'],
          env: { TEST_DATABASE: 'sqlite' },
          testTimeout: 180_000,
        },
      },
    ],
  },
});
