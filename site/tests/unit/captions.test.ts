import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Story } from '@campaign-desk/shared';
import { Captions } from '../../src/snapshot/captions';
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
});
