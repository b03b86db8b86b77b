import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { RECORD_TYPES } from '@campaign-desk/shared';
import { resetSnapshotMemo } from '../../src/snapshot/sync';
import { augmentedFixture, makeImages, readFixture, serveImages, type ImageServer } from '../support/fixture';
import { fakeSite } from '../support/loader-context';
import { startSnapshotApi, type SnapshotApi } from '../support/snapshot-api';

const fixture = readFixture();
const countOf = (type: string) => fixture.records.filter((record) => record.type === type).length;

let work: string;
let images: ImageServer;

beforeAll(async () => {
  images = await serveImages(await makeImages());
});
afterAll(async () => {
  await images.close();
});
beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'campaign-loader-'));
  resetSnapshotMemo();
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('file mode', () => {
  test('loads every collection from a snapshot file, then leaves an unchanged file alone', async () => {
    const file = path.join(work, 'snapshot.json');
    await writeFile(file, JSON.stringify(fixture));
    const site = fakeSite(path.join(work, 'cache'));
    await site.load({ source: { kind: 'file', path: file } });
    for (const type of RECORD_TYPES) expect(site.stores[type].keys().length, type).toBe(countOf(type));
    expect(site.metas.story.get('cursor')).toBe(fixture.cursor);
    const story = fixture.records.find((record) => record.type === 'story')!;
    expect(site.stores.story.get(story.documentId)?.data).toMatchObject({ title: story.title, localImage: null });

    resetSnapshotMemo();
    const writes = site.stores.story.writes;
    await site.load({ source: { kind: 'file', path: file } });
    expect(site.stores.story.writes).toBe(writes);
  });

  test('a file that no longer holds a record removes it (full replace)', async () => {
    const file = path.join(work, 'snapshot.json');
    await writeFile(file, JSON.stringify(fixture));
    const site = fakeSite(path.join(work, 'cache'));
    await site.load({ source: { kind: 'file', path: file } });
    const gone = fixture.records.find((record) => record.type === 'story')!;
    const next = { ...fixture, cursor: 'later', records: fixture.records.filter((record) => record !== gone) };
    await writeFile(file, JSON.stringify(next));
    resetSnapshotMemo();
    await site.load({ source: { kind: 'file', path: file } });
    expect(site.stores.story.has(gone.documentId)).toBe(false);
    expect(site.stores.story.keys().length).toBe(countOf('story') - 1);
  });
});

describe('HTTP mode', () => {
  let api: SnapshotApi;
  afterEach(async () => {
    await api.close();
  });

  test('follows the cursor through every page, once for all collections, with the token', async () => {
    api = await startSnapshotApi(fixture.records as any);
    const site = fakeSite(path.join(work, 'cache'));
    await site.load({ source: { kind: 'http', url: api.url, token: api.token }, limit: 40 });
    const pages = Math.ceil(fixture.records.length / 40);
    expect(api.requests.length).toBe(pages);
    expect(api.requests[0]!.searchParams.get('cursor')).toBeNull();
    expect(api.requests.slice(1).every((url) => url.searchParams.has('cursor'))).toBe(true);
    for (const type of RECORD_TYPES) expect(site.stores[type].keys().length, type).toBe(countOf(type));
  });

  test('syncs incrementally: only changes are fetched, tombstones delete, unchanged entries are kept', async () => {
    api = await startSnapshotApi(fixture.records as any);
    const site = fakeSite(path.join(work, 'cache'));
    const source = { kind: 'http' as const, url: api.url, token: api.token };
    await site.load({ source, limit: 100 });
    const cursor = site.metas.story.get('cursor');
    expect(cursor).toBeTruthy();

    const stories = fixture.records.filter((record) => record.type === 'story');
    const [edited, withdrawn, untouched] = [stories[0]!, stories[1]!, stories[2]!];
    const untouchedEntry = site.stores.story.get(untouched.documentId);
    const placement = fixture.records.find((record) => record.type === 'placement')!;
    api.publish({ ...edited, title: '【示例】改过的标题', updatedAt: '2026-12-01T00:00:00.000Z' });
    api.publish({ ...stories[3]!, documentId: 'brandnewstory00000000001', slug: 'brand-new-story' });
    api.withdraw('story', withdrawn.documentId);
    api.withdraw('placement', placement.documentId);

    resetSnapshotMemo();
    api.requests.length = 0;
    await site.load({ source, limit: 100 });
    expect(api.requests.length).toBe(1);
    expect(api.requests[0]!.searchParams.get('since')).toBe(cursor);
    expect(site.stores.story.get(edited.documentId)?.data.title).toBe('【示例】改过的标题');
    expect(site.stores.story.has('brandnewstory00000000001')).toBe(true);
    expect(site.stores.story.has(withdrawn.documentId)).toBe(false);
    expect(site.stores.placement.has(placement.documentId)).toBe(false);
    expect(site.stores.story.get(untouched.documentId)).toBe(untouchedEntry);
    expect(site.stores.story.keys().length).toBe(countOf('story'));
    expect(site.metas.story.get('cursor')).not.toBe(cursor);

    // Nothing changed since: one request, nothing written.
    resetSnapshotMemo();
    api.requests.length = 0;
    const writes = site.stores.story.writes;
    await site.load({ source, limit: 100 });
    expect(api.requests.length).toBe(1);
    expect(site.stores.story.writes).toBe(writes);
  });

  test('downloads each image once, however many records and builds use it', async () => {
    const records = augmentedFixture(images.url).records;
    api = await startSnapshotApi(records as any);
    const cache = path.join(work, 'cache');
    const site = fakeSite(cache);
    images.hits.clear();
    await site.load({ source: { kind: 'http', url: api.url, token: api.token } });
    const withCover = records.filter((record) => record.type === 'story' && record.cover);
    for (const story of withCover) {
      expect(site.stores.story.get(story.documentId)?.data.localImage).toMatch(/^\.\/[0-9a-f]{24}\.jpg$/);
    }
    expect(images.hits.get('/uploads/cover-a.jpg')).toBe(1);
    const files = readdirSync(path.join(cache, 'campaign-images')).filter((name) => !name.endsWith('.json'));
    expect(files.length).toBe(5);

    // A new site (full sync) with the same cache downloads nothing again.
    resetSnapshotMemo();
    await fakeSite(cache).load({ source: { kind: 'http', url: api.url, token: api.token } });
    expect(images.hits.get('/uploads/cover-a.jpg')).toBe(1);
    expect(images.hits.get('/uploads/portrait.png')).toBe(1);
  });

  test('an image that cannot be downloaded is a warning, and the entry keeps the remote image', async () => {
    const records = structuredClone(fixture.records);
    const story = records.find((record) => record.type === 'story')!;
    story.cover = { url: `${images.url}/uploads/missing.jpg`, width: 10, height: 10, mime: 'image/jpeg', alt: 'x', caption: null, credit: null };
    api = await startSnapshotApi(records as any);
    const site = fakeSite(path.join(work, 'cache'));
    await site.load({ source: { kind: 'http', url: api.url, token: api.token } });
    expect(site.stores.story.get(story.documentId)?.data.localImage).toBeNull();
    expect(site.warnings.join('\n')).toContain('missing.jpg');
  });

  test('a record that breaks the contract fails the sync, names collection, documentId and field, and writes nothing', async () => {
    api = await startSnapshotApi(fixture.records as any);
    const site = fakeSite(path.join(work, 'cache'));
    const source = { kind: 'http' as const, url: api.url, token: api.token };
    await site.load({ source });
    const before = Object.fromEntries(RECORD_TYPES.map((type) => [type, site.stores[type].writes]));
    const cursor = site.metas.story.get('cursor');

    const story = fixture.records.find((record) => record.type === 'story')!;
    api.publish({ ...story, title: '新标题' });
    api.publish({ ...story, documentId: 'broken0story0000000000001', kind: 'video', mediaUrl: null });
    api.publish({ ...fixture.records.find((record) => record.type === 'goodDeed')!, date: '2020/06/01' });
    resetSnapshotMemo();
    const failure = site.load({ source });
    await expect(failure).rejects.toThrow(/collection stories, id broken0story0000000000001 \(“.+”\), field mediaUrl: 视频类稿件必须填写媒体链接/);
    await expect(failure).rejects.toThrow(/collection goodDeeds, id \w+ \(“.+”\), field date/);
    for (const type of RECORD_TYPES) expect(site.stores[type].writes, type).toBe(before[type]);
    expect(site.stores.story.get(story.documentId)?.data.title).toBe(story.title);
    expect(site.metas.story.get('cursor')).toBe(cursor);
  });

  test('images and links inside rich text are kept as the API sent them (it makes image URLs absolute)', async () => {
    const records = structuredClone(fixture.records);
    const story = records.find((record) => record.type === 'story')!;
    const image = 'https://cms.example.org/uploads/inline.jpg';
    story.body = [
      { type: 'image', image: { url: image, alternativeText: 'x' }, children: [{ type: 'text', text: '' }] },
      { type: 'paragraph', children: [{ type: 'link', url: '/stories/other/', children: [{ type: 'text', text: '站内' }] }] },
    ];
    api = await startSnapshotApi(records as any);
    const site = fakeSite(path.join(work, 'cache'));
    await site.load({ source: { kind: 'http', url: api.url, token: api.token } });
    const body = site.stores.story.get(story.documentId)?.data.body;
    expect(body[0].image.url).toBe(image);
    expect(body[1].children[0].url).toBe('/stories/other/');
  });

  test('the API’s own errors are reported with their message', async () => {
    api = await startSnapshotApi(fixture.records as any);
    api.failWith(500, 'story abc123, field cover.width: Expected number, received string');
    const site = fakeSite(path.join(work, 'cache'));
    await expect(site.load({ source: { kind: 'http', url: api.url, token: api.token } })).rejects.toThrow(
      /500.*story abc123, field cover\.width/,
    );
    resetSnapshotMemo();
    await expect(site.load({ source: { kind: 'http', url: api.url, token: 'wrong' } })).rejects.toThrow(/401/);
    expect(existsSync(path.join(work, 'cache', 'campaign-images'))).toBe(false);
  });
});
