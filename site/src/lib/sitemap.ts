/** Sitemaps (sitemaps.org 0.9): an index of urlsets, and a urlset of the site's pages. */
import { xmlText } from './feeds';

const HEADER = '<?xml version="1.0" encoding="UTF-8"?>';
const NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';

export function buildSitemapIndex(sitemaps: string[]): string {
  const entries = sitemaps.map((url) => `<sitemap><loc>${xmlText(url)}</loc></sitemap>`);
  return `${HEADER}\n<sitemapindex xmlns="${NAMESPACE}">\n${entries.join('\n')}\n</sitemapindex>\n`;
}

export function buildUrlset(urls: string[]): string {
  const entries = urls.map((url) => `<url><loc>${xmlText(url)}</loc></url>`);
  return `${HEADER}\n<urlset xmlns="${NAMESPACE}">\n${entries.join('\n')}\n</urlset>\n`;
}
