import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { defineConfig } from 'astro/config';
import { SiteAddress } from '@campaign-desk/shared';
import { renderAdapter } from './src/integrations/render-adapter.mjs';
import { footerFromEnv } from './src/lib/footer';

/**
 * The site compiles to a server bundle that the publisher's renderer drives (see
 * src/integrations/render-adapter.mjs); the content comes at render time, never at compile
 * time. What a compile varies by comes from the environment: SITE_URL (absolute, where the
 * site is served; its path, '/' or a portal's '/zt/liuda/', is Astro's base, so the client
 * files are linked under it), the footer's settings (src/lib/footer.ts), CAMPAIGN_DESK_SUBMIT_URL (where
 * its forms post: the CMS's public participation route, written into the pages at compile
 * time), and CAMPAIGN_DESK_OUT_DIR and CAMPAIGN_DESK_CACHE_DIR (where to).
 */
const site = process.env.SITE_URL || 'http://127.0.0.1:4321';
const here = path.dirname(fileURLToPath(import.meta.url));
const fromEnv = (name: string) => {
  const value = process.env[name];
  return value ? path.resolve(here, value) : undefined;
};

const cacheDir = fromEnv('CAMPAIGN_DESK_CACHE_DIR');

export default defineConfig({
  site,
  base: new SiteAddress(site).base,
  output: 'server',
  adapter: renderAdapter(),
  trailingSlash: 'ignore',
  outDir: fromEnv('CAMPAIGN_DESK_OUT_DIR') ?? './dist',
  cacheDir: cacheDir ?? './node_modules/.astro',
  // Nothing is prefetched and no client script is added: a content page's one script is its own (lib/elder-mode.ts).
  prefetch: false,
  devToolbar: { enabled: false },
  vite: {
    // A compile with its own cache dir keeps Vite's cache there too (tests compile beside `astro dev`).
    ...(cacheDir ? { cacheDir: path.join(cacheDir, 'vite') } : {}),
    define: {
      // Checked here, so a bad value stops the compile with a message naming the variable.
      __SITE_FOOTER__: JSON.stringify(footerFromEnv(process.env)),
      // Unset, the pages fall back to the shared default (src/lib/paths.ts: submitUrl).
      'import.meta.env.CAMPAIGN_DESK_SUBMIT_URL': JSON.stringify(process.env.CAMPAIGN_DESK_SUBMIT_URL ?? ''),
    },
  },
});
