/** Reading the built site in tests. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** '/stories/x/' for dist/stories/x/index.html. */
export function pagePath(dist: string, file: string): string {
  const relative = '/' + path.relative(dist, file).split(path.sep).join('/');
  return relative.endsWith('/index.html') ? relative.slice(0, -'index.html'.length) : relative;
}

export function read(dist: string, urlPath: string): string {
  const file = urlPath.endsWith('/') ? path.join(dist, urlPath, 'index.html') : path.join(dist, urlPath);
  return readFileSync(file, 'utf8');
}

export function attr(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`, 'i').exec(tag);
  return match?.[1]
    ?.replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

/** Start tags, read whole: a '<' inside a quoted attribute value is not a tag. */
const TAG = /<([a-zA-Z][^\s\/>]*)((?:\s+[^\s"'>\/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;

export function allTags(html: string): Array<{ name: string; tag: string }> {
  return [...html.matchAll(TAG)].map((match) => ({ name: match[1]!.toLowerCase(), tag: match[0] }));
}

export function tags(html: string, name: string): string[] {
  return allTags(html)
    .filter((tag) => tag.name === name)
    .map((tag) => tag.tag);
}

/** Every <script> element: its start tag and what it holds (a '<script>' inside an attribute's value is not one). */
export function scriptsIn(html: string): Array<{ tag: string; body: string }> {
  return [...html.matchAll(TAG)]
    .filter((match) => match[1]!.toLowerCase() === 'script')
    .map((match) => {
      const start = match.index + match[0].length;
      return { tag: match[0], body: html.slice(start, html.indexOf('</script>', start)) };
    });
}

/**
 * Pages the CMS sends a reader to after a post, not pages one follows a link to or finds by a
 * search engine (noindex, out of the sitemap): the thank-you page and a quiz's result posters.
 */
export const isAnswerPage = (page: string) => page === '/xiexie/' || /^\/quiz\/[^/]+\/haibao\/\d+\/$/.test(page);
