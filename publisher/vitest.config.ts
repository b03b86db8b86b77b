import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    // A suite's first whole build compiles the site for its address (about 7 s alone, more on a
    // busy 2-core machine): longer than vitest's default 10 s for a hook.
    hookTimeout: 120_000,
  },
});
