/**
 * The records' images, downloaded once per URL into a cache directory, so Astro's image
 * pipeline can make its responsive copies from a local file. An image that cannot be
 * fetched is a warning, not a failure: the page then shows the CMS's copy.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CampaignRecord, Image } from '@campaign-desk/shared';
import { RECORD_TYPE_TABLE } from './record-types';

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/jpg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/avif': 'avif',
  'image/tiff': 'tiff',
};

/** The image of a record, if its type has one and it is set. */
export function imageOf(record: CampaignRecord): Image | null {
  const field = RECORD_TYPE_TABLE[record.type].image;
  if (field === null) return null;
  return ((record as Record<string, unknown>)[field] as Image | null) ?? null;
}

/** The local file name of an image URL: a hash of the URL, so each URL is fetched once. */
export function imageFileName(image: Pick<Image, 'url' | 'mime'>): string | null {
  const extension = EXTENSIONS[image.mime.toLowerCase()] ?? /\.(jpe?g|png|webp|gif|avif|tiff?)$/i.exec(new URL(image.url).pathname)?.[1];
  if (extension === undefined) return null;
  return `${createHash('sha256').update(image.url).digest('hex').slice(0, 24)}.${extension.toLowerCase().replace('jpeg', 'jpg')}`;
}

export type DownloadOptions = {
  /** Directory the images are downloaded to, once per URL. */
  imageDir: string;
  fetch?: typeof fetch;
  warn?: (message: string) => void;
};

/** Downloads the images of `records` not downloaded before; answers file name by image URL. */
export async function downloadImages(records: CampaignRecord[], options: DownloadOptions): Promise<Map<string, string>> {
  const doFetch = options.fetch ?? fetch;
  const wanted = new Map<string, string>();
  for (const record of records) {
    const image = imageOf(record);
    if (image === null) continue;
    const name = imageFileName(image);
    if (name !== null) wanted.set(image.url, name);
  }
  const images = new Map<string, string>();
  if (wanted.size === 0) return images;
  await mkdir(options.imageDir, { recursive: true });
  const queue = [...wanted];
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const [url, name] = next;
      const file = path.join(options.imageDir, name);
      if (!existsSync(file)) {
        try {
          const response = await doFetch(url, { signal: AbortSignal.timeout(60_000) });
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          const bytes = Buffer.from(await response.arrayBuffer());
          // Written aside and renamed, so a half-written file is never taken for a cached one.
          await writeFile(`${file}.part`, bytes);
          await rename(`${file}.part`, file);
        } catch (error) {
          options.warn?.(`image ${url} could not be downloaded (${(error as Error).message}); using the remote copy`);
          continue;
        }
      }
      images.set(url, name);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return images;
}
