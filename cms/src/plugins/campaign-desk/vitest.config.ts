import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Packing and installing the plugin into a fresh app (from the warm package store).
    hookTimeout: 300_000,
    testTimeout: 180_000,
  },
});
