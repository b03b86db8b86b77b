/**
 * Writes what a plan adds to a release directory: the pages it renders, the image copies it
 * adds, the search shards it changes, and (for a whole release) the compiled site's client
 * files. The caller provides the rest: nothing, for a whole release, or the files of the
 * release it builds on, minus what the plan replaces or removes (see `replacedBy`).
 */
import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MEDIA_PATH } from '../src/snapshot/media';
import { searchBundle } from '../src/lib/search';
import { writeSearchShard } from './search-index';
import type { Plan, SiteRenderer } from './site-renderer';

export type WriteOptions = {
  /** A whole release: the compiled site's client files are written too. */
  whole: boolean;
  /** Where the image copies are kept (the renderer's media directory). */
  mediaDir: string;
  /** Called with every page once it is written, e.g. to compress and check it. */
  onPage?: (file: string, body: Uint8Array, type: string) => Promise<void>;
};

export type WriteReport = { pages: number; media: number; shards: number; ms: { render: number; search: number } };

/** Links a file, or copies it where a link cannot be made (another file system). */
async function place(from: string, to: string): Promise<void> {
  await mkdir(path.dirname(to), { recursive: true });
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

export async function writeRelease(renderer: SiteRenderer, plan: Plan, dir: string, options: WriteOptions): Promise<WriteReport> {
  const started = performance.now();
  if (options.whole && existsSync(renderer.clientDir)) {
    for (const file of await filesUnder(renderer.clientDir)) await place(path.join(renderer.clientDir, file), path.join(dir, file));
  }
  // Search shards are indexed (by Pagefind's own process) while the pages render.
  const search = (async () => {
    const begun = performance.now();
    for (const shard of plan.search) {
      await writeSearchShard(await renderer.searchShard(shard), path.join(dir, searchBundle(shard)));
    }
    return performance.now() - begun;
  })();
  search.catch(() => {});
  await renderer.render(
    plan.pages.changed.map((page) => page.path),
    async (page) => {
      const target = path.join(dir, page.file);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, page.body);
      await options.onPage?.(page.file, page.body, page.type);
    },
  );
  const rendered = performance.now();
  for (const file of plan.media.added) await place(path.join(options.mediaDir, file), path.join(dir, MEDIA_PATH, file));
  const searchMs = await search;
  return {
    pages: plan.pages.changed.length,
    media: plan.media.added.length,
    shards: plan.search.length,
    ms: { render: rendered - started, search: searchMs },
  };
}

/**
 * Whether a file of the release a plan builds on is replaced or removed by the plan, and so
 * is not carried over: a page it renders or removes (with the copies made of it, such as
 * `page.html.br`), an image copy it removes, or a search shard it writes anew.
 */
export function replacedBy(plan: Plan): (file: string) => boolean {
  const pages = new Set([...plan.pages.changed, ...plan.pages.removed].map((page) => page.file));
  const media = new Set(plan.media.removed.map((file) => path.join(MEDIA_PATH.slice(1), file)));
  const shards = plan.search.map((shard) => searchBundle(shard).slice(1));
  return (file) => {
    const origin = file.replace(/\.(br|gz)$/, '');
    return pages.has(origin) || media.has(origin) || shards.some((shard) => file.startsWith(shard));
  };
}
