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
import type { MediaOptions } from './media';
import { qrPath } from './qr';

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

function qrSvg(url: string, x: number, y: number, size: number): string {
  const { side, d } = qrPath(url);
  return (
    `<rect x="${x}" y="${y}" width="${size}" height="${size}" fill="#fff"/>` +
    `<path transform="translate(${x} ${y}) scale(${size / side})" d="${d}" fill="#000" shape-rendering="crispEdges"/>`
  );
}

/** The poster as a JPEG. */
export async function drawPoster(input: PosterInput, campaignName: string): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  const lines = titleLines(input.title, 14, 4);
  const titleTop = 640;
  const dateTop = titleTop + lines.length * 64 + 16;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" font-family="${FONT}">` +
    `<rect width="${WIDTH}" height="${PICTURE.top}" fill="#a4161a"/>` +
    `<text x="40" y="70" font-size="36" font-weight="700" fill="#fff">${text(campaignName)}</text>` +
    (input.picture
      ? ''
      : `<rect y="${PICTURE.top}" width="${WIDTH}" height="${PICTURE.height}" fill="#f3e3e3"/>` +
        `<text x="${WIDTH / 2}" y="${PICTURE.top + PICTURE.height / 2 + 28}" font-size="80" font-weight="700" fill="#a4161a" text-anchor="middle">${text(input.label)}</text>`) +
    `<text x="40" y="590" font-size="28" fill="#a4161a">${text(input.label)}</text>` +
    lines
      .map(
        (line, index) => `<text x="40" y="${titleTop + index * 64}" font-size="46" font-weight="700" fill="#1a1a1a">${text(line)}</text>`,
      )
      .join('') +
    (input.date ? `<text x="40" y="${dateTop}" font-size="28" fill="#666">${text(input.date)}</text>` : '') +
    `<line x1="40" y1="930" x2="${WIDTH - 40}" y2="930" stroke="#ddd" stroke-width="2"/>` +
    `<text x="40" y="1030" font-size="32" font-weight="700" fill="#1a1a1a">长按识别二维码</text>` +
    `<text x="40" y="1080" font-size="26" fill="#666">阅读全文</text>` +
    qrSvg(input.url, WIDTH - 40 - 240, 945, 240) +
    '</svg>';
  const layers: Array<{ input: Buffer; top: number; left: number }> = [];
  if (input.picture) {
    const picture = await sharp(input.picture).resize(WIDTH, PICTURE.height, { fit: 'cover' }).toBuffer();
    layers.push({ input: picture, top: PICTURE.top, left: 0 });
  }
  layers.push({ input: Buffer.from(svg), top: 0, left: 0 });
  return sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: '#ffffff' } })
    .composite(layers)
    .jpeg({ quality: 85 })
    .toBuffer();
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
   * those of records gone; answers how many were drawn and how long that took.
   */
  async prepare(inputs: Map<string, PosterInput>, options: MediaOptions = {}): Promise<{ drawn: number; ms: number }> {
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
    const drawn = queue.length;
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const [key, input, name] = next;
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
    return { drawn, ms: performance.now() - started };
  }
}
