/**
 * One release built from a renderer's plan. The site hands back its files (pages as bytes;
 * client files, image copies and search bundles as files on disk, see site/renderer/site-files.ts);
 * this writes them into the release's partial directory, checks and compresses each on the
 * way, and finally checks every link the new pages hold, against those files and the
 * release it builds on. The publisher then makes the release (releases.ts) if nothing is wrong.
 */
import { constants, existsSync } from 'node:fs';
import { copyFile, link, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { siteFiles, type Plan, type SiteFile, type SiteRenderer } from '@campaign-desk/site/renderer';
import { LinkCheck, feedProblem } from './checks';
import { COMPRESSED_SUFFIXES, compressible, precompress } from './precompress';
import type { ReleaseChange, Releases } from './releases';

export type ReleaseOutcome = {
  /** What is wrong with the release; it must not go live unless this is empty. */
  problems: string[];
  /** What it adds to the release it builds on, and leaves out of it. */
  change: ReleaseChange;
  ms: { render: number; search: number; finish: number };
};

/** Broken template links listed in a refusal, at most. */
const SHOWN = 20;

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

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

export async function buildRelease(options: {
  releases: Releases;
  renderer: SiteRenderer;
  plan: Plan;
  id: string;
  /** The release this one builds on; null for a whole release. */
  basis: string | null;
  siteUrl: string;
}): Promise<ReleaseOutcome> {
  const { releases, renderer, plan, basis } = options;
  const dir = releases.partialDir(options.id);
  // Its own partial directory, so a build killed half-way leaves nothing start-up keeps.
  const scratch = releases.partialDir(`${options.id}-search`);
  await mkdir(dir, { recursive: true });
  // What the plan drops of the release it builds on, compressed copies included.
  const dropped = basis === null ? [] : plan.discarded.flatMap((file) => ['', ...COMPRESSED_SUFFIXES].map((suffix) => `${file}${suffix}`));
  const droppedSet = new Set(plan.discarded);
  const isDropped = (file: string) => {
    for (let at = file; at !== '.' && at !== ''; at = path.dirname(at)) if (droppedSet.has(at)) return true;
    return false;
  };
  try {
    const links = new LinkCheck(options.siteUrl, new Set(plan.personUrls));
    const problems: string[] = [];
    const written = new Set<string>();
    const write = async (file: SiteFile) => {
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
    const rendered = performance.now();

    // A whole release holds only what was written; one built on another also what it keeps of it.
    const kept = basis === null ? null : releases.dir(basis);
    const exists = (file: string) => written.has(file) || (kept !== null && !isDropped(file) && existsSync(path.join(kept, file)));
    const broken = links.broken(exists);
    for (const { target, from } of broken.slice(0, SHOWN)) problems.push(`link ${target} (from ${from}) leads nowhere`);
    if (broken.length > SHOWN) problems.push(`… and ${broken.length - SHOWN} more broken links`);
    // Whole, the directory is taken as it is; otherwise its files are moved into the trees they change.
    const files = basis === null ? [] : await filesUnder(dir);
    return {
      problems,
      change: { basis, files, dropped },
      ms: { render: ms.render, search: ms.search, finish: performance.now() - rendered },
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
