/**
 * The allow-list of URLs a body may link to or show: http(s) and mailto links, site-relative
 * paths and fragments; relative ones resolved against a feed's base URL.
 */
import { stripIllegalXmlChars } from './escaping';

const HTTP_SCHEMES = new Set(['http:', 'https:']);
const LINK_SCHEMES = new Set([...HTTP_SCHEMES, 'mailto:']);

/**
 * Whether a link may be followed: http(s) and mailto URLs, site-relative paths ('/…' but
 * not the protocol-relative '//…') and '#fragments'. Everything else, javascript: and
 * data: included, renders as plain text.
 */
export function isAllowedUrl(url: string): boolean {
  return resolveUrl(url, 'link', null) !== null;
}

type ResolvedUrl = { href: string; external: boolean };

/** The URL to emit for an allowed link or image source, or null when it is not allowed. */
export function resolveUrl(raw: string, use: 'link' | 'image', base: URL | null): ResolvedUrl | null {
  // Stripped before checking, so that removing a character cannot turn '/\uFFFE/x' into '//x'.
  const url = stripIllegalXmlChars(raw).trim();
  // Browsers drop tabs and line breaks inside URLs and read '\' as '/', so such a URL would
  // not go where it seems to ('/\evil.example' is protocol-relative to them).
  if (/[\u0000-\u001F\u007F\\]/.test(url)) return null;
  const siteRelative = url.startsWith('/') && url[1] !== '/';
  if (siteRelative || (use === 'link' && url.startsWith('#'))) {
    return { href: base === null ? url : new URL(url, base).href, external: false };
  }
  const absolute = parseUrl(url);
  const schemes = use === 'link' ? LINK_SCHEMES : HTTP_SCHEMES;
  if (absolute === null || !schemes.has(absolute.protocol)) return null;
  return { href: absolute.href, external: absolute.protocol !== 'mailto:' };
}

/** The base URL a feed resolves relative links against: absolute http(s), or a bug upstream. */
export function httpBase(baseUrl: string): URL {
  const base = parseUrl(baseUrl);
  if (base === null || !HTTP_SCHEMES.has(base.protocol)) {
    throw new RangeError(`baseUrl must be an absolute http(s) URL, got ${JSON.stringify(baseUrl)}`);
  }
  return base;
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
