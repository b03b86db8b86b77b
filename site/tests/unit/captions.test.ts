import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Story } from '@campaign-desk/shared';
import { Captions, readCapped } from '../../src/snapshot/captions';
import { CAPTIONS, makeImages, serveImages, type ImageServer } from '../support/fixture';

let server: ImageServer;
let dir: string;
beforeAll(async () => {
  server = await serveImages(await makeImages());
  dir = await mkdtemp(path.join(tmpdir(), 'captions-'));
});
afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const storyWith = (documentId: string, captionsUrl: string) =>
  ({ documentId, media: { url: `${server.url}/v.mp4`, mime: 'video/mp4', bytes: 1, seconds: null, captionsUrl } }) as Story;

describe('captions', () => {
  it('copies WebVTT once into the release, and refuses what is not WebVTT with a warning naming the story', async () => {
    const captions = new Captions(dir);
    const good = storyWith('good', `${server.url}/uploads/zoubian.vtt`);
    const bad = storyWith('bad', `${server.url}/uploads/not-captions.vtt`);
    const missing = storyWith('missing', `${server.url}/uploads/gone.vtt`);
    const warnings: string[] = [];
    await captions.prepare([good, bad, missing], { warn: (message) => warnings.push(message) });
    await captions.prepare([good], { warn: (message) => warnings.push(message) });
    const file = captions.fileOf(good.media!.captionsUrl!)!;
    expect(file).toMatch(/^[0-9a-f]{24}\.vtt$/);
    expect(await readFile(path.join(dir, file), 'utf8')).toBe(CAPTIONS);
    expect(server.hits.get('/uploads/zoubian.vtt')).toBe(1);
    expect([...captions.filesOf([good, bad, missing])]).toEqual([file]);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('story bad');
    expect(warnings[0]).toContain('not a WebVTT file');
    expect(warnings[1]).toContain('HTTP 404');
  });

  it('gives up on a body past 1 MB as it streams: one that never ends, or 10 MB without a length', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x41));
      },
    });
    const warnings: string[] = [];
    const captions = new Captions(dir);
    const fetchEndless = (async () => new Response(endless)) as typeof fetch;
    await captions.prepare([storyWith('endless', `${server.url}/uploads/endless.vtt`)], {
      fetch: fetchEndless,
      warn: (message) => warnings.push(message),
    });
    expect(warnings).toEqual([expect.stringContaining('larger than 1048576 bytes')]);
    expect(pulled).toBeLessThanOrEqual(1024 * 1024 + 3 * 64 * 1024);
    const tenMegabytes = new Response(new Blob([new Uint8Array(10 * 1024 * 1024)]).stream());
    await expect(readCapped(tenMegabytes, 1024 * 1024)).rejects.toThrow('larger than 1048576 bytes');
    const declared = new Response('WEBVTT', { headers: { 'content-length': String(10 * 1024 * 1024) } });
    await expect(readCapped(declared, 1024 * 1024)).rejects.toThrow('larger than 1048576 bytes');
    expect((await readCapped(new Response('WEBVTT\n'), 1024)).toString()).toBe('WEBVTT\n');
  });
});
