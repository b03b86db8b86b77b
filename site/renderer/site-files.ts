/**
 * What the site hands the publisher for a plan: every file the plan adds to a release,
 * relative to it, as bytes (a rendered page) or as a file on disk to link (the compiled
 * site's client files, image copies, search bundles). Where they go, and what is checked
 * and compressed on the way, is the publisher's: it owns releases.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { writeSearchShard } from './search-index';
import type { Plan, SiteRenderer } from './site-renderer';

export type SiteFile = { file: string; body: Uint8Array } | { file: string; source: string };

export type FilesOptions = {
  /** Every file of the site (the client files too), not only what changed. */
  whole: boolean;
  /** An empty directory of the caller's where search bundles are indexed before they are handed over. */
  scratch: string;
};

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

/**
 * Hands `onFile` each file a plan adds. Search shards, the slowest part, are indexed from the
 * start beside the pages and handed over last; answers the milliseconds pages and search took.
 */
export async function siteFiles(
  renderer: SiteRenderer,
  plan: Plan,
  options: FilesOptions,
  onFile: (file: SiteFile) => Promise<void>,
): Promise<{ render: number; search: number }> {
  const started = performance.now();
  const search = (async () => {
    const files: SiteFile[] = [];
    for (const { shard, dir } of plan.search) {
      const bundle = path.join(options.scratch, dir);
      await writeSearchShard(await renderer.searchShard(shard), bundle);
      files.push(...(await filesUnder(bundle)).map((file) => ({ file: path.join(dir, file), source: path.join(bundle, file) })));
    }
    return { files, ms: performance.now() - started };
  })();
  search.catch(() => {});
  if (options.whole) for (const file of renderer.clientFiles) await onFile(file);
  await renderer.render(
    plan.pages.changed.map((page) => page.path),
    (page) => onFile({ file: page.file, body: page.body }),
  );
  for (const file of plan.media.added) await onFile(file);
  const rendered = performance.now();
  const indexed = await search;
  for (const file of indexed.files) await onFile(file);
  return { render: rendered - started, search: indexed.ms };
}
