import { defineConfig } from 'tsup';

// Strapi loads a plugin's server entry as CommonJS. The shared contract is bundled in,
// so the published plugin needs no workspace package at run time.
export default defineConfig({
  entry: { index: 'server/src/index.ts' },
  outDir: 'dist/server',
  format: ['cjs'],
  platform: 'node',
  target: 'node24',
  sourcemap: true,
  clean: true,
  noExternal: ['@campaign-desk/shared'],
});
