/**
 * The records' images, made ready for pages and feeds: each image URL is downloaded once,
 * and sharp makes WebP and JPEG (PNG for PNG sources) copies at the widths pages ask for,
 * named by a hash of the URL and the width, so the same image always gives the same files
 * (releases share them by hard link, and an incremental release equals a full one).
 * An image that cannot be fetched or decoded is a warning naming the record and field that show
 * it: pages then show the CMS's copy, and the other images and pages are made as usual. Its size
 * is read from its header first: one of more than MEDIA_MAX_PIXELS (a decompression bomb: a
 * small file that decodes to gigabytes) is refused before a pixel is decoded.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MEDIA_MAX_PIXELS, type CampaignRecord, type Image } from '@campaign-desk/shared';
import { RECORD_TYPE_TABLE } from './record-types';

/** The widths copies are made at (never wider than the original; 1200 is what feeds and share cards use). */
export const MEDIA_WIDTHS = [240, 360, 480, 720, 1080, 1200] as const;

/** Every sharp call on an original: the pixel limit said, not sharp's default (268 million). */
const INPUT = { limitInputPixels: MEDIA_MAX_PIXELS } as const;

/** How a warning names the record showing an image, and the field, as the newsroom calls them. */
const SHOWN_AS = {
  column: (record) => `栏目${record.name}（${record.documentId}）的封面（cover）`,
  figure: (record) => `典型人物${record.name}（${record.documentId}）的肖像（portrait）`,
  story: (record) => `稿件《${record.title}》（${record.documentId}）的封面（cover）`,
  goodDeed: (record) => `好人好事《${record.title}》（${record.documentId}）的照片（photo）`,
} satisfies { [T in CampaignRecord['type']]?: (record: Extract<CampaignRecord, { type: T }>) => string };

function shownAs(record: CampaignRecord): string {
  const name = SHOWN_AS[record.type as keyof typeof SHOWN_AS] as ((record: CampaignRecord) => string) | undefined;
  return name?.(record) ?? `${record.type}（${record.documentId}）的图片`;
}

/** Where the copies are served from on the site. */
export const MEDIA_PATH = '/media/';

export type MediaVariant = { width: number; webp: string; fallback: string };

/** The local copies of one image: file names under MEDIA_PATH, narrowest first. */
export type MediaEntry = { width: number; height: number; fallbackType: 'image/jpeg' | 'image/png'; variants: MediaVariant[] };

/** The image of a record, if its type has one and it is set. */
export function imageOf(record: CampaignRecord): Image | null {
  const field = RECORD_TYPE_TABLE[record.type].image;
  if (field === null) return null;
  return ((record as Record<string, unknown>)[field] as Image | null) ?? null;
}

const urlHash = (url: string) => createHash('sha256').update(url).digest('hex').slice(0, 24);

function widthsFor(width: number): number[] {
  const below = MEDIA_WIDTHS.filter((candidate) => candidate < width);
  return [...new Set([...below, Math.min(width, MEDIA_WIDTHS.at(-1)!)])];
}

export type MediaOptions = {
  fetch?: typeof fetch;
  warn?: (message: string) => void;
};

/** The media library of one site: copies in `dir`, remembered by image URL. */
export class Media {
  private readonly entries = new Map<string, MediaEntry>();

  constructor(readonly dir: string) {}

  /** The copies of an image, or null when it has none (not fetched, or not yet). */
  entryOf(url: string): MediaEntry | null {
    return this.entries.get(url) ?? null;
  }

  /** Every file the images of `records` use, for a release to carry. */
  filesOf(records: Iterable<CampaignRecord>): Set<string> {
    const files = new Set<string>();
    for (const record of records) {
      const image = imageOf(record);
      const entry = image ? this.entries.get(image.url) : undefined;
      for (const variant of entry?.variants ?? []) files.add(variant.webp).add(variant.fallback);
    }
    return files;
  }

  /** Makes copies of every image of `records` that has none yet (failed ones are tried again). */
  async prepare(records: Iterable<CampaignRecord>, options: MediaOptions = {}): Promise<void> {
    // Each image URL once, with the first record that shows it (for the warning).
    const wanted = new Map<string, string>();
    for (const record of records) {
      const image = imageOf(record);
      if (image && !this.entries.has(image.url) && !wanted.has(image.url)) wanted.set(image.url, shownAs(record));
    }
    if (wanted.size === 0) return;
    await mkdir(path.join(this.dir, 'originals'), { recursive: true });
    const queue = [...wanted];
    const worker = async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        const [url, where] = next;
        try {
          this.entries.set(url, await this.copies(url, options));
        } catch (error) {
          options.warn?.(`${where}：图片 ${url} 无法处理（${(error as Error).message}），页面改用 CMS 的原图`);
        }
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
  }

  private async copies(url: string, options: MediaOptions): Promise<MediaEntry> {
    const { default: sharp } = await import('sharp');
    const hash = urlHash(url);
    const original = path.join(this.dir, 'originals', hash);
    if (!existsSync(original)) {
      const response = await (options.fetch ?? fetch)(url, { signal: AbortSignal.timeout(60_000) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      await writeAside(original, Buffer.from(await response.arrayBuffer()));
    }
    const bytes = await readFile(original);
    // The header only, without the limit (sharp would refuse unnamed): the refusal says the size.
    const metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
    const pixels = (metadata.width ?? 0) * (metadata.height ?? 0);
    if (pixels > MEDIA_MAX_PIXELS) {
      throw new Error(`${metadata.width}×${metadata.height} 像素，超过上限 ${MEDIA_MAX_PIXELS / 1e8} 亿像素`);
    }
    // The EXIF orientation is applied before the metadata is dropped.
    const upright = (metadata.orientation ?? 1) >= 5;
    const width = (upright ? metadata.height : metadata.width) ?? 0;
    const height = (upright ? metadata.width : metadata.height) ?? 0;
    if (width === 0 || height === 0) throw new Error('不是 sharp 能读的图片');
    const png = metadata.format === 'png';
    const variants: MediaVariant[] = [];
    for (const target of widthsFor(width)) {
      const variant = { width: target, webp: `${hash}-${target}.webp`, fallback: `${hash}-${target}.${png ? 'png' : 'jpg'}` };
      const resized = () => sharp(bytes, INPUT).rotate().resize({ width: target, withoutEnlargement: true });
      if (!existsSync(path.join(this.dir, variant.webp))) {
        await writeAside(path.join(this.dir, variant.webp), await resized().webp({ quality: 80 }).toBuffer());
      }
      if (!existsSync(path.join(this.dir, variant.fallback))) {
        const encoded = png ? resized().png() : resized().flatten({ background: '#ffffff' }).jpeg({ quality: 82 });
        await writeAside(path.join(this.dir, variant.fallback), await encoded.toBuffer());
      }
      variants.push(variant);
    }
    return { width, height, fallbackType: png ? 'image/png' : 'image/jpeg', variants };
  }
}

/** Written aside and renamed, so a half-written file is never taken for a finished one. */
async function writeAside(file: string, bytes: Buffer): Promise<void> {
  await writeFile(`${file}.part`, bytes);
  await rename(`${file}.part`, file);
}
