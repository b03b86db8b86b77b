/**
 * What a release must pass before it goes live: every feed well-formed, every internal
 * link and asset present, and no collapse in the number of pages against the live release.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';

export interface CheckOptions {
  siteUrl: string;
  /** The live release, to compare page counts with. */
  liveDir?: string | null;
  minPageRatio: number;
  /** Accept a smaller site (e.g. after withdrawing many stories on purpose). */
  force?: boolean;
}

export interface CheckReport {
  pages: number;
  problems: string[];
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

export async function countPages(dir: string): Promise<number> {
  return (await filesUnder(dir)).filter((file) => file.endsWith('.html')).length;
}

/** Where a site path would be served from in a release directory, if anywhere. */
async function resolves(dir: string, sitePath: string): Promise<boolean> {
  const clean = decodeURIComponent(sitePath.split(/[?#]/)[0]!);
  const candidates = clean.endsWith('/')
    ? [path.join(dir, clean, 'index.html')]
    : [path.join(dir, clean), path.join(dir, clean, 'index.html'), path.join(dir, `${clean}.html`)];
  for (const candidate of candidates) {
    if (!candidate.startsWith(dir)) return false;
    try {
      if ((await stat(candidate)).isFile()) return true;
    } catch {
      // try the next form
    }
  }
  return false;
}

const ATTRIBUTE = /\s(?:href|src)="([^"]+)"|\ssrcset="([^"]+)"/g;

export async function checkRelease(dir: string, options: CheckOptions): Promise<CheckReport> {
  const problems: string[] = [];
  const files = await filesUnder(dir);
  const site = new URL(options.siteUrl);
  const relative = (file: string) => path.relative(dir, file);

  for (const file of files) {
    const name = relative(file);
    if (name.endsWith('.xml') || name.endsWith('.opml')) {
      const verdict = XMLValidator.validate(await readFile(file, 'utf8'));
      if (verdict !== true) problems.push(`feed ${name}: not well-formed XML (line ${verdict.err.line}: ${verdict.err.msg})`);
    } else if (name.endsWith('.json') && (name.startsWith('feed') || name.startsWith('feeds/'))) {
      try {
        JSON.parse(await readFile(file, 'utf8'));
      } catch (error) {
        problems.push(`feed ${name}: not valid JSON (${(error as Error).message})`);
      }
    }
  }

  const broken = new Map<string, string>();
  for (const file of files.filter((candidate) => candidate.endsWith('.html'))) {
    const html = await readFile(file, 'utf8');
    for (const match of html.matchAll(ATTRIBUTE)) {
      const values = match[1] ? [match[1]] : match[2]!.split(',').map((part) => part.trim().split(/\s+/)[0]!);
      for (const raw of values) {
        const value = raw.replaceAll('&amp;', '&');
        let target: URL;
        try {
          target = new URL(value, new URL(relative(file).replace(/index\.html$/, ''), site));
        } catch {
          continue;
        }
        if (target.origin !== site.origin || broken.has(target.pathname)) continue;
        const sitePath = target.pathname.slice(site.pathname.replace(/\/$/, '').length) || '/';
        if (!(await resolves(dir, sitePath))) broken.set(target.pathname, relative(file));
      }
    }
  }
  for (const [target, from] of [...broken].slice(0, 20)) problems.push(`link ${target} (from ${from}) leads nowhere`);
  if (broken.size > 20) problems.push(`… and ${broken.size - 20} more broken links`);

  const pages = await countPages(dir);
  if (options.liveDir && !options.force) {
    const livePages = await countPages(options.liveDir);
    if (pages < livePages * options.minPageRatio) {
      problems.push(
        `page count: ${pages} pages against ${livePages} live (below ${Math.round(options.minPageRatio * 100)}%); publish with --force if this is intended`,
      );
    }
  }
  return { pages, problems };
}
