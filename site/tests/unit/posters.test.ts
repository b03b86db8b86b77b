import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Posters, drawPoster, titleLines, type PosterInput } from '../../src/snapshot/posters';
import { decodeQr } from '../support/qr';

let dir: string;
let picture: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'posters-'));
  picture = path.join(dir, 'cover.jpg');
  await writeFile(
    picture,
    await sharp({ create: { width: 1080, height: 720, channels: 3, background: '#2a5d8f' } })
      .jpeg()
      .toBuffer(),
  );
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const input = (over: Partial<PosterInput> = {}): PosterInput => ({
  title: '市委常委带头深入基层开展“走遍咸宁”大调研，做问题的终结者 <script>&',
  label: '消息',
  date: '2020年5月20日',
  url: 'https://www.example.cn/zt/liuda/stories/shi-wei-chang-wei/',
  picture,
  ...over,
});

describe('分享海报', () => {
  it('carries a QR code a standard decoder reads back as the page’s absolute URL, with or without a picture, whatever its colours', async () => {
    // A grey picture with an alpha channel too: every picture is laid on the poster as RGB.
    const grey = path.join(dir, 'grey.png');
    await sharp({ create: { width: 600, height: 900, channels: 4, background: { r: 90, g: 90, b: 90, alpha: 0.5 } } })
      .toColourspace('b-w')
      .png()
      .toFile(grey);
    for (const poster of [
      input(),
      input({ picture: grey }),
      input({ picture: null, url: 'https://www.example.cn/figures/tang-guangyou/#deed-x' }),
    ]) {
      const image = await drawPoster(poster, '“六大”活动专题');
      const { width, height, format } = await sharp(image).metadata();
      expect({ width, height, format }).toEqual({ width: 750, height: 1200, format: 'jpeg' });
      expect(await decodeQr(image)).toBe(poster.url);
    }
  });

  it('wraps a long title into at most four lines, ending with …', () => {
    expect(titleLines('短标题', 14, 4)).toEqual(['短标题']);
    const lines = titleLines('很长的标题'.repeat(30), 14, 4);
    expect(lines).toHaveLength(4);
    expect(lines[3]!.endsWith('…')).toBe(true);
  });

  it('draws only what changed since the last publish, and forgets posters of records gone', async () => {
    const posters = new Posters(dir, '“六大”活动专题');
    const inputs = new Map([
      ['story:a', input()],
      ['story:b', input({ title: '另一篇稿件', url: 'https://www.example.cn/stories/b/' })],
    ]);
    expect((await posters.prepare(inputs)).drawn).toBe(2);
    const first = posters.fileOf('story:a');
    expect(first).toMatch(/^poster-[0-9a-f]{24}\.jpg$/);
    expect((await posters.prepare(inputs)).drawn).toBe(0);
    inputs.set('story:a', input({ title: '改过的标题' }));
    inputs.delete('story:b');
    expect((await posters.prepare(inputs)).drawn).toBe(1);
    expect(posters.fileOf('story:a')).not.toBe(first);
    expect(posters.fileOf('story:b')).toBeNull();
    // A fresh publisher finds the files already drawn.
    expect((await new Posters(dir, '“六大”活动专题').prepare(inputs)).drawn).toBe(0);
  });

  it('draws no more after its time is up (one at least): the rest are left to the next call', async () => {
    const posters = new Posters(dir, '“六大”活动专题');
    const inputs = new Map(
      ['x', 'y', 'z'].map((key) => [`story:${key}`, input({ title: `限时 ${key}`, url: `https://www.example.cn/stories/${key}/` })]),
    );
    expect(await posters.prepare(inputs, { budgetMs: 0 })).toMatchObject({ drawn: 1, pending: 2 });
    expect([...inputs.keys()].filter((key) => posters.fileOf(key) === null)).toHaveLength(2);
    expect(await posters.prepare(inputs)).toMatchObject({ drawn: 2, pending: 0 });
    expect([...inputs.keys()].every((key) => posters.fileOf(key) !== null)).toBe(true);
  });
});
