// @ts-check
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { pagefindIntegration } from './src/integrations/pagefind.mjs';

/**
 * Everything a build varies by comes from the environment:
 * SITE_URL (absolute, where the site is served), CAMPAIGN_DESK_SNAPSHOT_URL and
 * CAMPAIGN_DESK_TOKEN (the CMS snapshot API) or CAMPAIGN_DESK_SNAPSHOT_FILE (a snapshot
 * saved to disk), and, for tests, CAMPAIGN_DESK_OUT_DIR and CAMPAIGN_DESK_CACHE_DIR.
 */
const site = process.env.SITE_URL || 'http://127.0.0.1:4321';
const here = path.dirname(fileURLToPath(import.meta.url));
/** @param {string} name */
const fromEnv = (name) => {
  const value = process.env[name];
  return value ? path.resolve(here, value) : undefined;
};

const cacheDir = fromEnv('CAMPAIGN_DESK_CACHE_DIR');

// `astro check` syncs content to type the collections; without a configured source it types
// them from the committed fixture (builds, dev and sync still require one).
if (process.argv.includes('check') && !process.env.CAMPAIGN_DESK_SNAPSHOT_URL && !process.env.CAMPAIGN_DESK_SNAPSHOT_FILE) {
  process.env.CAMPAIGN_DESK_SNAPSHOT_FILE = path.join(here, 'tests/fixtures/snapshot.json');
}

export default defineConfig({
  site,
  trailingSlash: 'ignore',
  outDir: fromEnv('CAMPAIGN_DESK_OUT_DIR') ?? './dist',
  cacheDir: cacheDir ?? './node_modules/.astro',
  build: { format: 'directory' },
  // Nothing is prefetched and no client script is added: content pages ship no JavaScript.
  prefetch: false,
  devToolbar: { enabled: false },
  image: {
    responsiveStyles: false,
  },
  // A build with its own cache dir keeps Vite's cache there too (tests build in parallel with dev).
  vite: cacheDir ? { cacheDir: path.join(cacheDir, 'vite') } : {},
  integrations: [
    sitemap({
      filter: (page) => !page.includes('/404'),
    }),
    pagefindIntegration(),
  ],
});
