/**
 * One release built from a renderer's plan. Search shards, the slowest part, are indexed
 * from the start into a directory aside, while the files of the release it builds on are
 * carried over by hard link (none for a whole release; the publisher starts that copy before
 * the plan is known) less those the plan replaces, and
 * the plan's pages are written, compressed and checked as they come; the shards then move
 * in. The release stays `.partial` here; the publisher names it only if nothing is wrong.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { MEDIA_PATH, searchBundle, writeRelease, writeSearch, type Plan, type SiteRenderer } from '@campaign-desk/site/renderer';
import { LinkCheck, feedProblem } from './checks';
import { COMPRESSED_SUFFIXES, compressible, precompress } from './precompress';
import type { Releases } from './releases';

export type ReleaseOutcome = {
  /** What is wrong with the release; it must not go live unless this is empty. */
  problems: string[];
  ms: { carry: number; render: number; search: number; finish: number };
};

/** Broken template links listed in a refusal, at most. */
const SHOWN = 20;

/** Removes from a carried-over release what the plan replaces or drops, compressed copies included. */
async function discardReplaced(dir: string, plan: Plan): Promise<void> {
  const pages = [...plan.pages.changed, ...plan.pages.removed].flatMap(({ file }) => ['', ...COMPRESSED_SUFFIXES].map((suffix) => `${file}${suffix}`));
  const media = plan.media.removed.map((file) => path.join(MEDIA_PATH.slice(1), file));
  const shards = plan.search.map((shard) => searchBundle(shard).slice(1));
  await Promise.all([...pages, ...media, ...shards].map((file) => rm(path.join(dir, file), { recursive: true, force: true })));
}

export async function buildRelease(options: {
  releases: Releases;
  renderer: SiteRenderer;
  plan: Plan;
  id: string;
  /**
   * The release whose files this one keeps, and the copy of it under way (started before the
   * plan was known: it does not depend on it); null for a whole release.
   */
  basis: { id: string; carried: Promise<void> } | null;
  siteUrl: string;
  mediaDir: string;
}): Promise<ReleaseOutcome> {
  const { releases, renderer, plan, basis } = options;
  const dir = releases.partialDir(options.id);
  // Its own partial directory, so a build killed half-way leaves nothing start-up keeps.
  const staging = releases.partialDir(`${options.id}-search`);
  const started = performance.now();
  const search = (async () => {
    const files = await writeSearch(renderer, plan, staging);
    return { files, ms: performance.now() - started };
  })();
  search.catch(() => {});
  try {
    if (basis === null) await mkdir(dir, { recursive: true });
    else {
      await basis.carried;
      await discardReplaced(dir, plan);
    }
    const carried = performance.now();

    const links = new LinkCheck(options.siteUrl, new Set(plan.personUrls));
    const problems: string[] = [];
    const written = await writeRelease(renderer, plan, dir, {
      whole: basis === null,
      mediaDir: options.mediaDir,
      onPage: async (file, body) => {
        if (file.endsWith('.html')) links.add(file, Buffer.from(body).toString('utf8'));
        const problem = feedProblem(file, body);
        if (problem) problems.push(problem);
        await precompress(dir, file, body);
      },
    });
    const rendered = performance.now();

    const indexed = await search;
    for (const shard of plan.search) {
      const bundle = searchBundle(shard).slice(1);
      await mkdir(path.dirname(path.join(dir, bundle)), { recursive: true });
      await rename(path.join(staging, bundle), path.join(dir, bundle));
    }
    // What was written besides pages (client files, search shards) is compressed once in place.
    const pages = new Set(plan.pages.changed.map((page) => page.file));
    const others = [...written.files.filter((file) => !pages.has(file)), ...indexed.files];
    for (const file of others.filter((candidate) => compressible(candidate))) {
      await precompress(dir, file, await readFile(path.join(dir, file)));
    }
    const files = new Set([...written.files, ...indexed.files]);
    // A whole release holds only what was written; a carried-over one also what it kept.
    const exists = (file: string) => files.has(file) || (basis !== null && existsSync(path.join(dir, file)));
    const broken = links.broken(exists);
    for (const { target, from } of broken.slice(0, SHOWN)) problems.push(`link ${target} (from ${from}) leads nowhere`);
    if (broken.length > SHOWN) problems.push(`… and ${broken.length - SHOWN} more broken links`);
    return {
      problems,
      ms: { carry: carried - started, render: rendered - carried, search: indexed.ms, finish: performance.now() - rendered },
    };
  } finally {
    await search.catch(() => {});
    await rm(staging, { recursive: true, force: true });
  }
}
