/**
 * A crawler for a site served under a path: from its seeds it reads every page, feed and file
 * of the site it finds a URL to (in attributes, in text, in feeds, the calendar, the sitemap,
 * robots.txt, stylesheets), as a reader, a feed reader or a search engine would reach them.
 * Every URL of the site's host must be under the site's path; every one that is must answer.
 */
import { SiteAddress } from '@campaign-desk/shared';

export type CrawlReport = {
  /** The site's documents read (HTML pages; feeds, calendar, sitemap, robots.txt), by site path. */
  pages: string[];
  documents: string[];
  /** Files fetched that are not read for URLs (scripts, images, search index files…). */
  files: number;
  /** URLs of the site met (each occurrence), and of other hosts (left alone). */
  links: number;
  external: number;
  /** `page → URL` for a URL of the site's host outside its path. */
  outside: string[];
  /** `page → URL (HTTP status or missing #fragment)`. */
  broken: string[];
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", '#x2F': '/' };
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|#39|#x27|#x2F);/g, (_match, name: string) => ENTITIES[name]!);

/** What an URL is made of, without quotes, brackets, commas or spaces (which end it in text). */
const URL_CHARS = '[A-Za-z0-9\\-._~:/?#@!$&*+=%]';
const ABSOLUTE = new RegExp(`https?://${URL_CHARS}+`, 'g');
const ATTRIBUTE = /\s(?:href|src)\s*=\s*"([^"]*)"/g;
const SRCSET = /\ssrcset\s*=\s*"([^"]*)"/g;
const DATA = /\sdata-[a-z-]+\s*=\s*"([^"]*)"/g;
const CSS_URL = /url\(\s*['"]?([^'")]+)/g;
const ROBOTS_RULE = /^(?:Allow|Disallow):\s*(\S+)/gm;
/** A path in a script's options (JSON): it must stay inside, but it may name a directory, not a file. */
const JSON_PATH = new RegExp(`"(/(?!/)${URL_CHARS}*)"`, 'g');

const READ = /^(text\/html|application\/xml|text\/x-opml|application\/feed\+json|application\/json|text\/calendar|text\/plain|text\/css)/;

const all = (pattern: RegExp, text: string) => [...text.matchAll(pattern)].map((match) => match[1]!);

/** The URLs a document holds, each once: links and files to fetch, and paths that need only stay inside. */
function urlsOf(body: string, type: string): { fetch: string[]; paths: string[] } {
  // A calendar folds long lines; a feed's HTML is escaped once more than a page's.
  const raw = type.startsWith('text/calendar') ? body.replace(/\r?\n[ \t]/g, '') : body;
  const text = decode(decode(raw));
  const fetch = [...text.matchAll(ABSOLUTE)].map((match) => match[0]!.replace(/[.:!?]+$/, ''));
  const paths: string[] = [];
  if (type.startsWith('text/html')) {
    fetch.push(...all(ATTRIBUTE, raw).map(decode));
    fetch.push(
      ...all(SRCSET, raw).flatMap((value) =>
        decode(value)
          .split(',')
          .map((part) => part.trim().split(/\s+/)[0]!),
      ),
    );
    paths.push(...all(DATA, raw).flatMap((value) => all(JSON_PATH, decode(value))));
  }
  if (type.startsWith('text/css')) fetch.push(...all(CSS_URL, text));
  if (type.startsWith('text/plain')) paths.push(...all(ROBOTS_RULE, text));
  const wanted = (url: string) => url !== '' && !/^(mailto|tel|urn|data|javascript):/i.test(url);
  return { fetch: [...new Set(fetch.filter(wanted))], paths: [...new Set(paths)] };
}

/**
 * Crawls from `seeds` (site paths), fetching from `serverUrl` (the server standing in for the
 * site's host) what the site's address names. `elsewhere` tells the URLs under the path that are
 * not the release's (the forms' route), which must stay inside but are not fetched.
 * `missing` are seeds that answer 404 on purpose (the not-found page).
 */
export async function crawl(options: {
  siteUrl: string;
  serverUrl: string;
  seeds: string[];
  missing?: string[];
  elsewhere?: (url: URL) => boolean;
}): Promise<CrawlReport> {
  const site = new SiteAddress(options.siteUrl);
  const report: CrawlReport = { pages: [], documents: [], files: 0, links: 0, external: 0, outside: [], broken: [] };
  const bodies = new Map<string, { status: number; html: string | null }>();
  const fragments: Array<{ key: string; id: string; from: string; url: string }> = [];
  const queue: Array<{ url: URL; from: string }> = options.seeds.map((seed) => ({ url: new URL(site.url(seed)), from: '(seed)' }));
  const queued = new Set(queue.map(({ url }) => url.pathname + url.search));

  const meet = (raw: string, base: URL, from: string, fetch: boolean) => {
    let url: URL;
    try {
      url = new URL(raw, base);
    } catch {
      report.broken.push(`${from} → ${raw} (malformed)`);
      return;
    }
    if (url.origin !== site.root.origin) {
      report.external += 1;
      return;
    }
    report.links += 1;
    if (site.sitePath(url) === null) {
      report.outside.push(`${from} → ${raw}`);
      return;
    }
    if (!fetch || options.elsewhere?.(url)) return;
    const key = url.pathname + url.search;
    if (url.hash.length > 1) fragments.push({ key, id: decodeURIComponent(url.hash.slice(1)), from, url: raw });
    if (queued.has(key)) return;
    queued.add(key);
    queue.push({ url, from });
  };

  while (queue.length > 0) {
    const { url, from } = queue.shift()!;
    const key = url.pathname + url.search;
    const response = await fetch(`${options.serverUrl}${key}`, { redirect: 'manual' });
    const type = response.headers.get('content-type') ?? '';
    const expected = options.missing?.some((seed) => site.path(seed) === key) ? 404 : 200;
    if (response.status !== expected) report.broken.push(`${from} → ${url.href} (HTTP ${response.status})`);
    if (!READ.test(type)) {
      await response.arrayBuffer();
      report.files += 1;
      bodies.set(key, { status: response.status, html: null });
      continue;
    }
    const body = await response.text();
    const isHtml = type.startsWith('text/html');
    bodies.set(key, { status: response.status, html: isHtml ? body : null });
    (isHtml ? report.pages : report.documents).push(site.sitePath(url)!);
    const found = urlsOf(body, type);
    for (const raw of found.fetch) meet(raw, url, site.sitePath(url)!, true);
    for (const raw of found.paths) meet(raw, url, site.sitePath(url)!, false);
  }
  for (const { key, id, from, url } of fragments) {
    const target = bodies.get(key);
    if (target?.html !== null && target?.html !== undefined && !target.html.includes(`id="${id}"`))
      report.broken.push(`${from} → ${url} (no #${id})`);
  }
  return report;
}
