/**
 * `pnpm build [--out dist]` in site/: the whole site, built once from the configured
 * snapshot source (CAMPAIGN_DESK_SNAPSHOT_URL with CAMPAIGN_DESK_TOKEN, or
 * CAMPAIGN_DESK_SNAPSHOT_FILE) for SITE_URL, into a directory any static server can serve;
 * CAMPAIGN_DESK_PREVIEW=true builds a preview.
 * The publisher builds releases the same way and then keeps them up to date change by change.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { previewFromEnv } from '../src/lib/preview';
import { sourceFromEnv } from '../src/snapshot/source';
import { exportSite } from './export';
import { closeSearchIndexer } from './search-index';
import { DEFAULT_SITE_DIR, SiteRenderer } from './site-renderer';

const { values } = parseArgs({ options: { out: { type: 'string', default: path.join(DEFAULT_SITE_DIR, 'dist') } } });
const out = path.resolve(values.out!);
const siteUrl = process.env.SITE_URL || 'http://127.0.0.1:4321';

async function main() {
  const started = performance.now();
  const renderer = await SiteRenderer.start({ siteDir: DEFAULT_SITE_DIR, siteUrl, log: (line) => console.log(line) });
  try {
    const mediaDir = path.join(DEFAULT_SITE_DIR, '.cache', 'media');
    const plan = await renderer.sync({
      source: sourceFromEnv(),
      mediaDir,
      now: process.env.CAMPAIGN_DESK_NOW || new Date().toISOString(),
      preview: previewFromEnv(),
      full: true,
    });
    for (const warning of plan.warnings) console.warn(`warning: ${warning}`);
    await rm(out, { recursive: true, force: true });
    const files = await exportSite(renderer, plan, out);
    console.log(
      `${plan.pages.html} pages, ${files} files in ${path.relative(process.cwd(), out) || '.'} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
  } finally {
    await renderer.close();
    await closeSearchIndexer();
  }
}

main().catch((error: unknown) => {
  console.error(`build failed: ${(error as Error).message}`);
  process.exitCode = 1;
});
