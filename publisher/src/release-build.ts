/**
 * One release built from a renderer's plan. The site hands back its files (pages as bytes;
 * client files, image copies and search bundles as files on disk, see site/renderer/site-files.ts);
 * this writes them into the release, checks and compresses each on the way, and finally
 * checks every link the new pages hold. An incremental release starts as a copy of the one it
 * builds on (the publisher starts that copy before the plan is known) less what the plan
 * drops. The release stays `.partial` here; the publisher names it only if nothing is wrong.
 */
import { constants, existsSync } from 'node:fs';
import { copyFile, link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { siteFiles, type Plan, type SiteFile, type SiteRenderer } from '@campaign-desk/site/renderer';
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

/** Removes from a carried-over release what the plan drops, compressed copies included. */
async function discard(dir: string, plan: Plan): Promise<void> {
  const files = plan.discarded.flatMap((file) => ['', ...COMPRESSED_SUFFIXES].map((suffix) => `${file}${suffix}`));
  await Promise.all(files.map((file) => rm(path.join(dir, file), { recursive: true, force: true })));
}

/**
 * Links a file into the release, or copies it where a link cannot be made (another file
 * system). Never over an existing file: that could be the same file as an earlier release's.
 */
async function place(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await copyFile(from, to, constants.COPYFILE_EXCL);
  }
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
}): Promise<ReleaseOutcome> {
  const { releases, renderer, plan, basis } = options;
  const dir = releases.partialDir(options.id);
  // Its own partial directory, so a build killed half-way leaves nothing start-up keeps.
  const scratch = releases.partialDir(`${options.id}-search`);
  const started = performance.now();
  let carried = started;
  // The site starts on its files (search first) while the release it builds on is carried over.
  const ready = (async () => {
    if (basis === null) await mkdir(dir, { recursive: true });
    else {
      await basis.carried;
      await discard(dir, plan);
    }
    carried = performance.now();
  })();
  ready.catch(() => {});
  try {

    const links = new LinkCheck(options.siteUrl, new Set(plan.personUrls));
    const problems: string[] = [];
    const written = new Set<string>();
    const write = async (file: SiteFile) => {
      await ready;
      const target = path.join(dir, file.file);
      await mkdir(path.dirname(target), { recursive: true });
      if ('body' in file) {
        await writeFile(target, file.body, { flag: 'wx' });
        if (file.file.endsWith('.html')) links.add(file.file, Buffer.from(file.body).toString('utf8'));
        const problem = feedProblem(file.file, file.body);
        if (problem) problems.push(problem);
        await precompress(dir, file.file, file.body);
      } else {
        await place(file.source, target);
        if (compressible(file.file)) await precompress(dir, file.file, await readFile(target));
      }
      written.add(file.file);
    };
    const ms = await siteFiles(renderer, plan, { whole: basis === null, scratch }, write);
    await ready;
    const rendered = performance.now();

    // A whole release holds only what was written; a carried-over one also what it kept.
    const exists = (file: string) => written.has(file) || (basis !== null && existsSync(path.join(dir, file)));
    const broken = links.broken(exists);
    for (const { target, from } of broken.slice(0, SHOWN)) problems.push(`link ${target} (from ${from}) leads nowhere`);
    if (broken.length > SHOWN) problems.push(`… and ${broken.length - SHOWN} more broken links`);
    return { problems, ms: { carry: carried - started, render: ms.render - (carried - started), search: ms.search, finish: performance.now() - rendered } };
  } finally {
    await ready.catch(() => {});
    await rm(scratch, { recursive: true, force: true });
  }
}
