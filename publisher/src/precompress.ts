/**
 * Brotli and gzip copies of a release's text files, made once when it is built, so every
 * request is served without compressing anything (as nginx's gzip_static or a CDN would).
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const TEXT = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.opml', '.ics', '.txt', '.svg', '.webmanifest']);
/** Below this, compression saves less than the headers cost. */
const MIN_BYTES = 1024;

export async function precompress(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  let count = 0;
  for (const entry of entries) {
    if (!entry.isFile() || !TEXT.has(path.extname(entry.name))) continue;
    const file = path.join(entry.parentPath, entry.name);
    const content = await readFile(file);
    if (content.length < MIN_BYTES) continue;
    await writeFile(`${file}.br`, await brotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }));
    await writeFile(`${file}.gz`, await gzipAsync(content, { level: 9 }));
    count += 1;
  }
  return count;
}
