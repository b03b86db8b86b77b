import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 60_000,
    // A suite's first publisher compiles the site when its templates changed (tens of seconds on two cores).
    hookTimeout: 180_000,
  },
});
