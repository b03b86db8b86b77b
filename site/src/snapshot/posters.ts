/**
 * 分享海报: a poster image per story, figure and good deed, for WeChat Moments where links travel
 * poorly: its picture, title, date, the campaign's name and a QR code of the page's absolute
 * URL. Drawn with sharp (the text as SVG, which librsvg sets in the system's CJK font through
 * fontconfig) and named by a hash of everything drawn, so a publish makes only the posters of
 * what changed and the rest are the files already on disk, as image copies are.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { escapeHtml, stripIllegalXmlChars } from '@campaign-desk/shared';
import type { Sharp } from 'sharp';
import type { MediaOptions } from './media';

/** What one poster shows; `picture` is a local image file (a copy the media library made). */
export type PosterInput = {
  title: string;
  /** What it is (稿件 kind, 典型人物, 接力做好事). */
  label: string;
  /** As readers read it, e.g. 2020年5月20日; empty when it has none. */
  date: string;
  /** The page's absolute URL: the QR code's content. */
  url: string;
  picture: string | null;
  /** What the QR code leads to, beside it (阅读全文 when not said). */
  action?: string;
};

/** Raised when the drawing changes, so every poster is drawn again. */
const DRAWING = 1;
const WIDTH = 750;
const HEIGHT = 1200;
const PICTURE = { top: 110, height: 422 } as const;
const FONT = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', sans-serif";

const text = (value: string) => escapeHtml(stripIllegalXmlChars(value));

/** Splits a title into lines of at most `width` ems (a CJK character is one, Latin about half), at most `max` lines. */
export function titleLines(title: string, width: number, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const char of Array.from(title.replace(/\s+/g, ' ').trim())) {
    const em = /[\u0000-\u024f]/.test(char) ? 0.55 : 1;
    if (used + em > width) {
      lines.push(line);
      line = '';
      used = 0;
    }
    line += char;
    used += em;
  }
  if (line) lines.push(line);
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  kept[max - 1] = `${Array.from(kept[max - 1]!)
    .slice(0, -1)
    .join('')}…`;
  return kept;
}

/**
 * The QR code as RGB pixels, `size` square: four modules of quiet zone each side, as decoders
 * expect; each pixel takes the module it falls in.
 */
async function qrPixels(url: string, size: number): Promise<Buffer> {
  const { default: QRCode } = await import('qrcode');
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const span = modules.size + 8;
  const pixels = Buffer.alloc(size * size * 3, 0xff);
  for (let y = 0; y < size; y += 1) {
    const row = Math.floor((y * span) / size) - 4;
    if (row < 0 || row >= modules.size) continue;
    for (let x = 0; x < size; x += 1) {
      const column = Math.floor((x * span) / size) - 4;
      if (column >= 0 && column < modules.size && modules.get(row, column)) pixels.fill(0, (y * size + x) * 3, (y * size + x + 1) * 3);
    }
  }
  return pixels;
}

const svg = (width: number, height: number, body: string) =>
  Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="${FONT}">${body}</svg>`);

/**
 * What every poster of a campaign shares (the band with its name, the rule, the QR code's
 * words, on white), drawn once (per QR code's words) as raw pixels: setting a whole poster's text cost more than
 * the rest of a poster together.
 */
const frames = new Map<string, Promise<Buffer>>();
function frameOf(campaignName: string, action: string): Promise<Buffer> {
  const key = `${campaignName}\n${action}`;
  let frame = frames.get(key);
  if (!frame) {
    frame = import('sharp').then(({ default: sharp }) =>
      rgb(
        sharp(
          svg(
            WIDTH,
            HEIGHT,
            `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>` +
              `<rect width="${WIDTH}" height="${PICTURE.top}" fill="#a4161a"/>` +
              `<text x="40" y="70" font-size="36" font-weight="700" fill="#fff">${text(campaignName)}</text>` +
              `<line x1="40" y1="930" x2="${WIDTH - 40}" y2="930" stroke="#ddd" stroke-width="2"/>` +
              `<text x="40" y="1030" font-size="32" font-weight="700" fill="#1a1a1a">长按识别二维码</text>` +
              `<text x="40" y="1080" font-size="26" fill="#666">${text(action)}</text>`,
          ),
        ),
        WIDTH,
        HEIGHT,
      ),
    );
    frame.catch(() => frames.delete(key));
    frames.set(key, frame);
  }
  return frame;
}

/** Where a picture would be, for a record without one: its label, large; one per label. */
const placeholders = new Map<string, Promise<Buffer>>();
function placeholderOf(label: string): Promise<Buffer> {
  let placeholder = placeholders.get(label);
  if (!placeholder) {
    placeholder = import('sharp').then(({ default: sharp }) =>
      rgb(
        sharp(
          svg(
            WIDTH,
            PICTURE.height,
            `<rect width="${WIDTH}" height="${PICTURE.height}" fill="#f3e3e3"/>` +
              `<text x="${WIDTH / 2}" y="${PICTURE.height / 2 + 28}" font-size="80" font-weight="700" fill="#a4161a" text-anchor="middle">${text(label)}</text>`,
          ),
        ),
        WIDTH,
        PICTURE.height,
      ),
    );
    placeholder.catch(() => placeholders.delete(label));
    placeholders.set(label, placeholder);
  }
  return placeholder;
}

/** The band of a poster's own words (label, title, date) on white, between the picture and the rule. */
const WORDS = { top: 550, height: 378 } as const;
const QR = { left: WIDTH - 40 - 240, top: 945, size: 240 } as const;

/** SVG or an image file as RGB pixels, three bytes each, whatever its colour space or alpha. */
async function rgb(image: Sharp, width: number, height: number): Promise<Buffer> {
  const { data, info } = await image.toColourspace('srgb').removeAlpha().raw().toBuffer({ resolveWithObject: true });
  if (info.width !== width || info.height !== height || info.channels !== 3) {
    throw new Error(`drawn ${info.width}×${info.height}×${info.channels}, not ${width}×${height}×3`);
  }
  return data;
}

/** Copies an opaque `width`-wide block of RGB rows into the poster at (left, top). */
function place(poster: Buffer, block: Buffer, width: number, left: number, top: number): void {
  const row = width * 3;
  for (let y = 0; y < block.length / row; y += 1) block.copy(poster, ((top + y) * WIDTH + left) * 3, y * row, (y + 1) * row);
}

/**
 * The poster as a JPEG: the campaign's frame, drawn once, with the picture (or the label's
 * placeholder), the band of the record's own words and the QR code copied into it. Each part
 * is opaque and covers white of the frame, so rows are copied: libvips's compositing of
 * three layers cost twice the rest of a poster together.
 */
export async function drawPoster(input: PosterInput, campaignName: string): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  const lines = titleLines(input.title, 14, 4);
  // As drawn on the whole poster, moved up by the band's top.
  const titleTop = 640 - WORDS.top;
  const dateTop = titleTop + lines.length * 64 + 16;
  const words = svg(
    WIDTH,
    WORDS.height,
    `<rect width="${WIDTH}" height="${WORDS.height}" fill="#fff"/>` +
      `<text x="40" y="${590 - WORDS.top}" font-size="28" fill="#a4161a">${text(input.label)}</text>` +
      lines
        .map(
          (line, index) => `<text x="40" y="${titleTop + index * 64}" font-size="46" font-weight="700" fill="#1a1a1a">${text(line)}</text>`,
        )
        .join('') +
      (input.date ? `<text x="40" y="${dateTop}" font-size="28" fill="#666">${text(input.date)}</text>` : ''),
  );
  const poster = Buffer.from(await frameOf(campaignName, input.action ?? '阅读全文'));
  const picture = input.picture
    ? await rgb(sharp(input.picture).resize(WIDTH, PICTURE.height, { fit: 'cover' }), WIDTH, PICTURE.height)
    : await placeholderOf(input.label);
  place(poster, picture, WIDTH, 0, PICTURE.top);
  place(poster, await rgb(sharp(words), WIDTH, WORDS.height), WIDTH, 0, WORDS.top);
  place(poster, await qrPixels(input.url, QR.size), QR.size, QR.left, QR.top);
  return (
    sharp(poster, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
      // Optimised Huffman tables: about 5 ms more once per poster, 12 % fewer bytes for every reader who fetches it.
      .jpeg({ quality: 85, optimiseCoding: true })
      .toBuffer()
  );
}

/** The posters of one site, in `dir` beside the image copies, by the key of what each is of. */
export class Posters {
  private readonly files = new Map<string, string>();

  constructor(
    readonly dir: string,
    private readonly campaignName: string,
  ) {}

  /** The poster's file name (under MEDIA_PATH) of a record, by its key, or null. */
  fileOf(key: string): string | null {
    return this.files.get(key) ?? null;
  }

  filesOf(): Set<string> {
    return new Set(this.files.values());
  }

  /**
   * Makes the posters whose drawing changed (a new title, picture, date or URL) and forgets
   * those of records gone; answers how many were drawn, how many are left and how long it took.
   * No drawing starts after `budgetMs`: the rest are left to the next call (their records keep
   * the poster they had, or link none yet), so a first build of a large archive is not held up,
   * nor stopped as hung, by thousands of posters.
   */
  async prepare(
    inputs: Map<string, PosterInput>,
    options: MediaOptions & { budgetMs?: number } = {},
  ): Promise<{ drawn: number; pending: number; ms: number }> {
    const started = performance.now();
    await mkdir(this.dir, { recursive: true });
    for (const key of this.files.keys()) if (!inputs.has(key)) this.files.delete(key);
    const queue: Array<[string, PosterInput, string]> = [];
    for (const [key, input] of inputs) {
      const name = `poster-${createHash('sha256')
        .update(JSON.stringify([DRAWING, this.campaignName, input]))
        .digest('hex')
        .slice(0, 24)}.jpg`;
      if (this.files.get(key) === name) continue;
      if (existsSync(path.join(this.dir, name))) this.files.set(key, name);
      else queue.push([key, input, name]);
    }
    const deadline = started + (options.budgetMs ?? Number.POSITIVE_INFINITY);
    let next = 0;
    const worker = async () => {
      // At least one a call, so the builds that follow always get further.
      while (next < queue.length && (next === 0 || performance.now() < deadline)) {
        const [key, input, name] = queue[next++]!;
        try {
          const file = path.join(this.dir, name);
          await writeFile(`${file}.part`, await drawPoster(input, this.campaignName));
          await rename(`${file}.part`, file);
          this.files.set(key, name);
        } catch (error) {
          this.files.delete(key);
          options.warn?.(`the poster of ${key} could not be drawn (${(error as Error).message}); its page links none`);
        }
      }
    };
    await Promise.all(Array.from({ length: 2 }, worker));
    return { drawn: next, pending: queue.length - next, ms: performance.now() - started };
  }
}
