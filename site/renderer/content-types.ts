/** The media type each file of the site is served with; feeds get the ones feed readers expect. */
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.opml': 'text/x-opml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  // Captions: a <track> that is not text/vtt is refused by Firefox.
  '.vtt': 'text/vtt; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.webmanifest': 'application/manifest+json',
};

export function contentType(file: string): string {
  // A precompressed copy (page.html.br) has the type of what it holds.
  const original = file.replace(/\.(br|gz)$/, '');
  if (path.basename(original) === 'feed.json') return 'application/feed+json; charset=utf-8';
  return CONTENT_TYPES[path.extname(original).toLowerCase()] ?? 'application/octet-stream';
}
