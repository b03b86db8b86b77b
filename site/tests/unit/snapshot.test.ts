/** Reading the snapshot (API, paged and incremental, or a file) and holding its records. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { RecordSet } from '../../src/snapshot/record-set';
import { readSnapshot, SnapshotError } from '../../src/snapshot/source';
import { readFixture } from '../support/fixture';
import { startSnapshotApi, type SnapshotApi } from '@campaign-desk/testing/snapshot-api';

const fixture = readFixture();
const stories = fixture.records.filter((record) => record.type === 'story');

let work: string;
let api: SnapshotApi | undefined;
beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'campaign-snapshot-'));
});
afterEach(async () => {
  await api?.close();
  api = undefined;
  await rm(work, { recursive: true, force: true });
});

describe('a snapshot file', () => {
  test('is one whole snapshot: every record, held with its cursor', async () => {
    const file = path.join(work, 'snapshot.json');
    await writeFile(file, JSON.stringify(fixture));
    const records = new RecordSet();
    records.apply(await readSnapshot({ kind: 'file', path: file }, undefined), true);
    expect(records.size).toBe(fixture.records.length);
    expect(records.all('story')).toHaveLength(stories.length);
    expect(records.cursor).toBe(fixture.cursor);
  });

  test('that is not a snapshot is refused with a message saying so', async () => {
    const file = path.join(work, 'broken.json');
    await writeFile(file, '{"records": 3');
    await expect(readSnapshot({ kind: 'file', path: file }, undefined)).rejects.toThrow(/is not JSON/);
  });
});

describe('the snapshot API', () => {
  test('is followed through every page with the token, then asked only for changes since the cursor', async () => {
    api = await startSnapshotApi(fixture.records as never);
    const source = { kind: 'http' as const, url: api.url, token: api.token };
    const records = new RecordSet();
    records.apply(await readSnapshot(source, undefined, { limit: 40 }), true);
    expect(api.requests).toHaveLength(Math.ceil(fixture.records.length / 40));
    expect(api.requests.slice(1).every((url) => url.searchParams.has('cursor'))).toBe(true);
    const untouched = records.all('story').find((story) => story.documentId === stories[2]!.documentId);

    api.publish({ ...stories[0]!, title: '【示例】改过的标题', updatedAt: '2026-12-01T00:00:00.000Z' });
    api.withdraw('story', stories[1]!.documentId);
    api.requests.length = 0;
    records.apply(await readSnapshot(source, records.cursor!), false);
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]!.searchParams.get('since')).toBeTruthy();
    const held = new Map(records.all('story').map((story) => [story.documentId, story]));
    expect(held.get(stories[0]!.documentId)?.title).toBe('【示例】改过的标题');
    expect(held.has(stories[1]!.documentId)).toBe(false);
    // An unchanged record is the very object held before.
    expect(held.get(stories[2]!.documentId)).toBe(untouched);
  });

  test('a record that breaks the contract fails the read, naming collection, id, title and field', async () => {
    api = await startSnapshotApi(fixture.records as never);
    api.publish({ ...stories[0]!, documentId: 'broken0story0000000000001', kind: 'video', mediaUrl: null });
    api.publish({ ...fixture.records.find((record) => record.type === 'goodDeed')!, date: '2020/06/01' });
    const reading = readSnapshot({ kind: 'http', url: api.url, token: api.token }, undefined);
    await expect(reading).rejects.toThrow(SnapshotError);
    await expect(reading).rejects.toThrow(
      /collection stories, id broken0story0000000000001 \(“.+”\), field mediaUrl: 视频类稿件必须填写媒体链接/,
    );
    await expect(reading).rejects.toThrow(/collection goodDeeds, id \w+ \(“.+”\), field date/);
  });

  test('characters XML cannot carry are gone before anything else sees the record', async () => {
    api = await startSnapshotApi([{ ...stories[0]!, title: '标题\u0001\u0008含控制字符', summary: '摘要\uFFFE' }] as never);
    const [page] = await readSnapshot({ kind: 'http', url: api.url, token: api.token }, undefined);
    const story = page!.records[0] as { title: string; summary: string };
    expect(story.title).toBe('标题含控制字符');
    expect(story.summary).toBe('摘要');
  });

  test('its own errors are reported with their message', async () => {
    api = await startSnapshotApi(fixture.records as never);
    api.failWith(500, 'story abc123, field cover.width: Expected number, received string');
    await expect(readSnapshot({ kind: 'http', url: api.url, token: api.token }, undefined)).rejects.toThrow(
      /500.*story abc123, field cover\.width/,
    );
    await expect(readSnapshot({ kind: 'http', url: api.url, token: 'wrong' }, undefined)).rejects.toThrow(/401/);
  });
});
