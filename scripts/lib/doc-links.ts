/**
 * The relative links of the README and docs/: every link and image leads to a file that
 * exists, and every `#anchor` to a heading the page has (named as GitHub names headings).
 * Web addresses are not fetched: only what the repository itself must keep.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export interface BrokenLink {
  file: string;
  line: number;
  target: string;
  problem: string;
}

/** The Markdown files the docs are made of: the README and everything under docs/. */
export function docFiles(root: string): string[] {
  const docs = path.join(root, 'docs');
  const nested = existsSync(docs) ? readdirSync(docs, { recursive: true, encoding: 'utf8' }).map((name) => path.join(docs, name)) : [];
  return [path.join(root, 'README.md'), ...nested.filter((file) => file.endsWith('.md'))];
}

/** The text outside code: fenced blocks blanked line by line (so line numbers hold), inline code removed. */
function prose(markdown: string): string[] {
  let fenced = false;
  return markdown.split('\n').map((line) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      return '';
    }
    return fenced ? '' : line.replace(/`[^`]*`/g, '');
  });
}

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces as hyphens. */
export function anchorOf(heading: string): string {
  const text = heading.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

function anchorsOf(file: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const base = anchorOf(heading[1]!);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** Markdown links and images, and HTML `src`/`href`, with the line they are on. */
function targetsOf(file: string): Array<{ line: number; target: string }> {
  const found: Array<{ line: number; target: string }> = [];
  prose(readFileSync(file, 'utf8')).forEach((text, index) => {
    for (const match of text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)|\b(?:src|href)="([^"]+)"/g)) {
      found.push({ line: index + 1, target: (match[1] ?? match[2])! });
    }
  });
  return found;
}

const EXTERNAL = /^[a-z][a-z0-9+.-]*:/i;

export function brokenLinks(files: string[]): BrokenLink[] {
  const broken: BrokenLink[] = [];
  for (const file of files) {
    for (const { line, target } of targetsOf(file)) {
      if (EXTERNAL.test(target)) continue;
      const [rawPath, rawAnchor] = target.split('#', 2) as [string, string | undefined];
      const resolved = rawPath === '' ? file : path.resolve(path.dirname(file), decodeURIComponent(rawPath));
      const report = (problem: string) => broken.push({ file, line, target, problem });
      if (!existsSync(resolved)) {
        report('no such file');
        continue;
      }
      if (rawAnchor === undefined || rawAnchor === '' || statSync(resolved).isDirectory() || !resolved.endsWith('.md')) continue;
      if (!anchorsOf(resolved).has(decodeURIComponent(rawAnchor).toLowerCase()))
        report(`no heading #${rawAnchor} in ${path.basename(resolved)}`);
    }
  }
  return broken;
}
