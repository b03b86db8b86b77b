import { describe, expect, it } from 'vitest';
import { SiteAddress } from '../src/site-address';

describe('SiteAddress', () => {
  const portal = new SiteAddress('https://www.example.gov.cn/zt/liuda/');
  const root = new SiteAddress('https://liuda.example.org');

  it('makes links and absolute URLs under the site’s path, and at the root as before', () => {
    expect(portal.path('/stories/a/')).toBe('/zt/liuda/stories/a/');
    expect(portal.path('/')).toBe('/zt/liuda/');
    expect(portal.path('/events/#x')).toBe('/zt/liuda/events/#x');
    expect(portal.url('/feeds.opml')).toBe('https://www.example.gov.cn/zt/liuda/feeds.opml');
    expect(root.path('/stories/a/')).toBe('/stories/a/');
    expect(root.url('/')).toBe('https://liuda.example.org/');
  });

  it('takes SITE_URL with or without its last slash, and drops a query or fragment', () => {
    for (const url of ['https://www.example.gov.cn/zt/liuda', 'https://www.example.gov.cn/zt/liuda/?x=1#y']) {
      expect(new SiteAddress(url).root.href).toBe('https://www.example.gov.cn/zt/liuda/');
    }
  });

  it('refuses a site path without its leading slash and a SITE_URL that is not http(s)', () => {
    expect(() => portal.path('stories/a/')).toThrow(RangeError);
    expect(() => new SiteAddress('ftp://example.org/')).toThrow(/http\(s\)/);
    expect(() => new SiteAddress('/zt/liuda/')).toThrow();
  });

  it('reads the site path of a URL on the site, and null for one off it', () => {
    const sitePath = (url: string) => portal.sitePath(new URL(url, portal.root));
    expect(sitePath('https://www.example.gov.cn/zt/liuda/stories/a/')).toBe('/stories/a/');
    expect(sitePath('/zt/liuda/')).toBe('/');
    expect(sitePath('/zt/liuda')).toBe('/');
    expect(sitePath('stories/a/?q=1#top')).toBe('/stories/a/');
    // The portal's own pages and neighbouring paths are not the site's.
    expect(sitePath('/stories/a/')).toBeNull();
    expect(sitePath('/zt/liudada/')).toBeNull();
    expect(sitePath('/zt/')).toBeNull();
    expect(sitePath('http://www.example.gov.cn/zt/liuda/')).toBeNull();
    expect(sitePath('https://other.example/zt/liuda/')).toBeNull();
    expect(sitePath('mailto:a@example.org')).toBeNull();
    expect(root.sitePath(new URL('https://liuda.example.org/stories/a/'))).toBe('/stories/a/');
  });
});
