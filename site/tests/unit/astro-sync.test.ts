/**
 * The loader inside Astro itself: `astro sync` twice against the local snapshot API. The
 * second sync asks only for changes since the cursor Astro kept in the loader's meta store
 * and applies a tombstone.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readFixture } from '../support/fixture';
import { astro, copySite } from '../support/site-copy';
import { startSnapshotApi, type SnapshotApi } from '../support/snapshot-api';

let work: string;
let root: string;
let api: SnapshotApi;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'campaign-astro-sync-'));
  api = await startSnapshotApi(readFixture().records);
  root = await copySite(work);
});
afterAll(async () => {
  await api.close();
  await rm(work, { recursive: true, force: true });
});

function astroSync(): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.CAMPAIGN_DESK_SNAPSHOT_FILE;
  Object.assign(env, {
    CAMPAIGN_DESK_SNAPSHOT_URL: api.url,
    CAMPAIGN_DESK_TOKEN: api.token,
    CAMPAIGN_DESK_CACHE_DIR: path.join(work, 'cache'),
    CAMPAIGN_DESK_OUT_DIR: path.join(work, 'dist'),
  });
  return astro(root, ['sync'], env);
}

test('astro sync keeps the cursor and syncs incrementally, once for all collections', async () => {
  const first = await astroSync();
  expect(first).toContain('stories: full sync, 150 written');
  expect(api.requests.filter((url) => !url.searchParams.has('cursor')).length).toBe(1);
  const store = () => readFile(path.join(work, 'cache', 'data-store.json'), 'utf8');
  const stories = readFixture().records.filter((record) => record.type === 'story');
  const withdrawn = stories[5]!;
  expect(await store()).toContain(withdrawn.documentId);

  api.withdraw('story', withdrawn.documentId);
  api.publish({ ...stories[6]!, title: '【示例】同步后修改的标题' });
  api.requests.length = 0;
  const second = await astroSync();
  expect(api.requests).toHaveLength(1);
  expect(api.requests[0]!.searchParams.get('since')).toBeTruthy();
  expect(second).toContain('stories: incremental sync, 1 written, 1 removed, 149 held');
  expect(second).toContain('themes: incremental sync, 0 written, 0 removed, 3 held');
  const text = await store();
  expect(text).not.toContain(withdrawn.documentId);
  expect(text).toContain('同步后修改的标题');

  // A record that breaks the contract fails the sync, says which, and the store stays as it was.
  api.publish({ ...stories[7]!, title: '【示例】不会写入的标题' });
  api.publish({ ...stories[8]!, kind: 'audio', mediaUrl: null });
  await expect(astroSync()).rejects.toThrow(
    new RegExp(`collection stories, id ${stories[8]!.documentId} \\(“.+”\\), field mediaUrl: 音频类稿件必须填写媒体链接`),
  );
  expect(await store()).toBe(text);
});
