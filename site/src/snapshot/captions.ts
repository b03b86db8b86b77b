/**
 * Stories' WebVTT captions, copied into the release beside the image copies: a <track> must
 * come from the page's own origin (or one answering CORS), and the CMS's upload host is
 * neither. Each file is fetched once, checked to be WebVTT of a sane size (a reporter's upload
 * is hostile), and named by a hash of its URL. One that fails is a warning: the video then
 * plays without captions.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Story } from '@campaign-desk/shared';
import type { MediaOptions } from './media';

/** Captions longer than this are not a story's (a feature film's run to about 300 kB). */
const MAX_BYTES = 1024 * 1024;

export class Captions {
  private readonly files = new Map<string, string>();

  constructor(readonly dir: string) {}

  /** The copy's file name (under MEDIA_PATH) of the captions at `url`, or null. */
  fileOf(url: string): string | null {
    return this.files.get(url) ?? null;
  }

  filesOf(stories: Iterable<Story>): Set<string> {
    const files = new Set<string>();
    for (const story of stories) {
      const file = story.media?.captionsUrl ? this.files.get(story.media.captionsUrl) : undefined;
      if (file) files.add(file);
    }
    return files;
  }

  async prepare(stories: Iterable<Story>, options: MediaOptions = {}): Promise<void> {
    for (const story of stories) {
      const url = story.media?.captionsUrl;
      if (!url || this.files.has(url)) continue;
      try {
        this.files.set(url, await this.copy(url, options));
      } catch (error) {
        options.warn?.(
          `captions ${url} of story ${story.documentId} could not be copied (${(error as Error).message}); the video plays without them`,
        );
      }
    }
  }

  private async copy(url: string, options: MediaOptions): Promise<string> {
    const name = `${createHash('sha256').update(url).digest('hex').slice(0, 24)}.vtt`;
    const file = path.join(this.dir, name);
    if (existsSync(file)) return name;
    const response = await (options.fetch ?? fetch)(url, { signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const bytes = await readCapped(response, MAX_BYTES);
    // A WebVTT file starts with the word, after an optional byte order mark.
    if (!/^(\uFEFF)?WEBVTT([ \t\r\n]|$)/.test(bytes.toString('utf8', 0, 16))) throw new Error('not a WebVTT file');
    await mkdir(this.dir, { recursive: true });
    await writeFile(`${file}.part`, bytes);
    await rename(`${file}.part`, file);
    return name;
  }
}

/**
 * The body, read as it comes and given up as soon as it passes `max` bytes: a body that says
 * it is larger, or never ends, costs no more than `max` of memory and time.
 */
export async function readCapped(response: Response, max: number): Promise<Buffer> {
  const tooLarge = () => new Error(`larger than ${max} bytes`);
  if (Number(response.headers.get('content-length') ?? 0) > max) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks, total);
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
}
