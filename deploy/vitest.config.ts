import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Everything runs in child processes; one file, one stack.
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
