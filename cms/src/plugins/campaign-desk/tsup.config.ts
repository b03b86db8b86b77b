import { defineConfig } from 'tsup';

// The shared contract is bundled into both builds, so the published plugin needs no
// workspace package at run time; every dependency and peer stays an import.
export default defineConfig([
  {
    // Strapi loads a plugin's server entry as CommonJS.
    entry: { index: 'server/src/index.ts' },
    outDir: 'dist/server',
    format: ['cjs'],
    platform: 'node',
    target: 'node24',
    sourcemap: true,
    clean: true,
    noExternal: ['@campaign-desk/shared'],
  },
  {
    // What another app's admin build imports (publishConfig.exports); this repository's CMS
    // builds the admin from its sources.
    entry: { index: 'admin/src/index.ts' },
    outDir: 'dist/admin',
    format: ['esm'],
    platform: 'browser',
    target: 'es2022',
    sourcemap: true,
    clean: true,
    noExternal: ['@campaign-desk/shared'],
    esbuildOptions(options) {
      options.jsx = 'automatic';
    },
  },
]);
