import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    // A suite's first build compiles the site when its sources changed since the last compile (a minute or more).
    hookTimeout: 180_000,
  },
});
