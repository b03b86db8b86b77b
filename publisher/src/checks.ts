/**
 * What a release must pass before it goes live, checked on each new or changed file as it
 * is written (unchanged files passed when they were new): every feed well-formed, and every
 * link and asset a template made leading to a file of the release. Links people typed into
 * records are the renderer's to report, as warnings (see site/src/render/person-links.ts);
 * here they are left alone. Nothing a page holds can make a check throw.
 */
import { XMLValidator } from 'fast-xml-parser';
import { SiteAddress } from '@campaign-desk/shared';

/**
 * Where each internal link of the release's new pages points, to resolve once all files are in.
 * A link is internal when the site's address reads a site path from it (its host, under its
 * path), as for the links people typed (site/src/render/person-links.ts).
 */
export class LinkCheck {
  private readonly targets = new Map<string, string>();
  private readonly site: SiteAddress;

  constructor(
    siteUrl: string,
    /** Links as people typed them into records: not the templates', so not checked here. */
    private readonly personUrls: ReadonlySet<string>,
  ) {
    this.site = new SiteAddress(siteUrl);
  }

  /** Notes the internal links and assets of a page at `file` (relative to the release). */
  add(file: string, html: string): void {
    const base = new URL(this.site.url(`/${file.replace(/(^|\/)index\.html$/, '$1')}`));
    for (const match of html.matchAll(ATTRIBUTE)) {
      const values = match[1] !== undefined ? [match[1]] : match[2]!.split(',').map((part) => part.trim().split(/\s+/)[0]!);
      for (const raw of values) {
        const value = decodeEntities(raw);
        if (this.personUrls.has(value)) continue;
        let target: URL;
        try {
          target = new URL(value, base);
        } catch {
          this.targets.set(`(malformed) ${value}`, file);
          continue;
        }
        const sitePath = this.site.sitePath(target);
        if (sitePath === null) continue;
        if (!this.targets.has(sitePath)) this.targets.set(sitePath, file);
      }
    }
  }

  /** The links that lead to no file of the release, each with a page that has it. */
  broken(exists: (file: string) => boolean): Array<{ target: string; from: string }> {
    const broken: Array<{ target: string; from: string }> = [];
    for (const [target, from] of this.targets) {
      if (!resolves(target, exists)) broken.push({ target, from });
    }
    return broken;
  }
}

const ATTRIBUTE = /\s(?:href|src)="([^"]*)"|\ssrcset="([^"]*)"/g;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };
function decodeEntities(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_match, name: string) => ENTITIES[name]!);
}

/** Whether a site path is served by a file of the release: /a/ → a/index.html, /a → a or a/index.html. */
function resolves(sitePath: string, exists: (file: string) => boolean): boolean {
  if (sitePath.startsWith('(malformed)')) return false;
  let pathname: string;
  try {
    pathname = decodeURIComponent(sitePath);
  } catch {
    return false;
  }
  const file = pathname.replace(/^\/+/, '');
  if (file.split('/').includes('..')) return false;
  return pathname.endsWith('/') ? exists(`${file}index.html`) : exists(file) || exists(`${file}/index.html`);
}

/** What is wrong with a feed (RSS, OPML, JSON Feed), or null. */
export function feedProblem(file: string, body: Uint8Array): string | null {
  const text = Buffer.from(body).toString('utf8');
  if (file.endsWith('.xml') || file.endsWith('.opml')) {
    const verdict = XMLValidator.validate(text);
    return verdict === true ? null : `feed ${file}: not well-formed XML (line ${verdict.err.line}: ${verdict.err.msg})`;
  }
  if (file === 'feed.json') {
    try {
      JSON.parse(text);
    } catch (error) {
      return `feed ${file}: not valid JSON (${(error as Error).message})`;
    }
  }
  return null;
}
