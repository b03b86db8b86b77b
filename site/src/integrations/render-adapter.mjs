// @ts-check
import { fileURLToPath } from 'node:url';

/**
 * Compiles the site for the renderer rather than for a web server: `astro build` makes a
 * server bundle whose entry (src/render/entry.ts) exports the runtime the publisher drives,
 * which renders exactly the pages a change touches into static releases.
 * @returns {import('astro').AstroIntegration}
 */
export function renderAdapter() {
  return {
    name: 'campaign-desk-renderer',
    hooks: {
      'astro:config:done': ({ setAdapter }) => {
        setAdapter({
          name: 'campaign-desk-renderer',
          // The entry makes its own app (astro/app/entrypoint) and exports what it likes.
          entrypointResolution: 'auto',
          serverEntrypoint: fileURLToPath(new URL('../render/entry.ts', import.meta.url)),
          supportedAstroFeatures: {
            serverOutput: 'stable',
            staticOutput: 'unsupported',
            hybridOutput: 'unsupported',
            sharpImageService: 'unsupported',
          },
        });
      },
    },
  };
}
