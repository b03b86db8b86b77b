/**
 * Where the site is served (SITE_URL), and every URL of it: the one helper the site's pages
 * and feeds, the publisher's link check and the CMS's answers to the forms make and read site
 * URLs with.
 *
 * A site may live under a path of a larger host, as a 专栏 of a government portal does
 * (`https://www.xianning.gov.cn/zt/liuda/`). A *site path* (`/stories/a/`, `/feeds.opml`) names
 * a page inside the site whatever that path is: the page table, a release's files and search
 * records are named by site paths; what a page or a feed carries is made from them here.
 */
export class SiteAddress {
  /** The site's root, ending in '/': `https://host/zt/liuda/`. */
  readonly root: URL;
  /** The path every URL of the site starts with: '/', or '/zt/liuda/'. */
  readonly base: string;

  /** `siteUrl` is absolute http(s); a path without its last '/' (`https://host/zt/liuda`) names the same root. */
  constructor(siteUrl: string | URL) {
    const root = new URL(siteUrl);
    if (root.protocol !== 'http:' && root.protocol !== 'https:')
      throw new RangeError(`SITE_URL must be an http(s) URL, got ${JSON.stringify(String(siteUrl))}`);
    root.search = '';
    root.hash = '';
    if (!root.pathname.endsWith('/')) root.pathname += '/';
    this.root = root;
    this.base = root.pathname;
  }

  /** A site path as the site links it: `/stories/a/` → `/zt/liuda/stories/a/` (a fragment stays). */
  path(sitePath: string): string {
    if (!sitePath.startsWith('/')) throw new RangeError(`a site path starts with '/', got ${JSON.stringify(sitePath)}`);
    return `${this.base}${sitePath.slice(1)}`;
  }

  /** A site path as an absolute URL: `/stories/a/` → `https://host/zt/liuda/stories/a/`. */
  url(sitePath: string): string {
    return `${this.root.origin}${this.path(sitePath)}`;
  }

  /**
   * The site path a URL leads to (`https://host/zt/liuda/stories/a/` → `/stories/a/`, still
   * percent-encoded), or null when it leads off the site: another origin or scheme, or a path of
   * the same host outside the site's (`https://host/other/`).
   */
  sitePath(url: URL): string | null {
    if (url.origin !== this.root.origin) return null;
    if (url.pathname === this.base.slice(0, -1)) return '/';
    return url.pathname.startsWith(this.base) ? `/${url.pathname.slice(this.base.length)}` : null;
  }
}
