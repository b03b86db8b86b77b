/**
 * Writes what a plan adds to a release directory: the pages it renders, the image copies it
 * adds, and (for a whole release) the compiled site's client files; and, on their own, the
 * search shards it changes, which take longest and so may be written while the rest is
 * done. The caller provides the rest of the release: nothing, for a whole release, or the
 * files of the release it builds on, minus what the plan replaces or removes.
 */
import { constants, existsSync } from 'node:fs';
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

export type WriteReport = {
  /** Every file written, relative to the release: pages, image copies, client files. */
  files: string[];
};

/**
 * Links a file, or copies it where a link cannot be made (another file system). Never over
 * an existing file: that could be the same file as an earlier release's.
 */
async function place(from: string, to: string): Promise<void> {
  await mkdir(path.dirname(to), { recursive: true });
  try {
    await link(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await copyFile(from, to, constants.COPYFILE_EXCL);
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

/** Renders the plan's pages into `dir`, links its new image copies and, for a whole release, the client files. */
export async function writeRelease(renderer: SiteRenderer, plan: Plan, dir: string, options: WriteOptions): Promise<WriteReport> {
  const files: string[] = [];
  if (options.whole && existsSync(renderer.clientDir)) {
    for (const file of await filesUnder(renderer.clientDir)) {
      await place(path.join(renderer.clientDir, file), path.join(dir, file));
      files.push(file);
    }
  }
  await renderer.render(
    plan.pages.changed.map((page) => page.path),
    async (page) => {
      const target = path.join(dir, page.file);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, page.body, { flag: 'wx' });
      files.push(page.file);
      await options.onPage?.(page.file, page.body, page.type);
    },
  );
  for (const file of plan.media.added) {
    const target = path.join(MEDIA_PATH.slice(1), file);
    await place(path.join(options.mediaDir, file), path.join(dir, target));
    files.push(target);
  }
  return { files };
}

/** Indexes the plan's changed search shards, each a Pagefind bundle at `pagefind/<n>/` under `dir`; answers the files written. */
export async function writeSearch(renderer: SiteRenderer, plan: Plan, dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const shard of plan.search) {
    const bundle = path.join(dir, searchBundle(shard));
    await writeSearchShard(await renderer.searchShard(shard), bundle);
    files.push(...(await filesUnder(bundle)).map((file) => path.relative(dir, path.join(bundle, file))));
  }
  return files;
}

/** A whole site into an empty `dir`: pages, images, client files and search, the search indexed beside the rest. */
export async function writeWholeSite(renderer: SiteRenderer, plan: Plan, dir: string, mediaDir: string): Promise<string[]> {
  const [release, search] = await Promise.all([writeRelease(renderer, plan, dir, { whole: true, mediaDir }), writeSearch(renderer, plan, dir)]);
  return [...release.files, ...search];
}
