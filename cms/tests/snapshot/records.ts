import { afterAll, beforeAll, expect } from 'vitest';
import { snapshotPageSchema, type CampaignRecord, type SnapshotPage } from '@campaign-desk/shared';
import { fixtures } from '../support/fixtures';
import { startCms, type TestCms } from '../support/strapi';

export let cms: TestCms;

export let make: ReturnType<typeof fixtures>;

export let token: string;

export async function get(query = '', auth: string | null = token) {
  const response = await fetch(`${cms.url}/api/campaign-desk/snapshot${query}`, {
    headers: auth ? { Authorization: `Bearer ${auth}` } : {},
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export async function page(query = ''): Promise<SnapshotPage> {
  const { status, body } = await get(query);
  expect(status, JSON.stringify(body)).toBe(200);
  return snapshotPageSchema.parse(body);
}

export const cursorOf = (position: object) => Buffer.from(JSON.stringify(position)).toString('base64url');

/** Follows the cursor to the end; returns every record, tombstone and the final cursor. */
export async function sync(since?: string, limit = 7) {
  const records: CampaignRecord[] = [];
  const tombstones: SnapshotPage['tombstones'] = [];
  let next = await page(`?limit=${limit}${since ? `&since=${since}` : ''}`);
  let pages = 1;
  records.push(...next.records);
  tombstones.push(...next.tombstones);
  while (next.hasMore) {
    next = await page(`?limit=${limit}&cursor=${next.cursor}`);
    pages += 1;
    records.push(...next.records);
    tombstones.push(...next.tombstones);
  }
  return { records, tombstones, cursor: next.cursor, pages };
}

/** Boots the CMS once for the file. */
export function bootWithRecords(): void {
  beforeAll(async () => {
    cms = await startCms();
    make = fixtures(cms.strapi);
    token = await make.apiToken('read-only');
  });
  afterAll(async () => cms?.destroy());
}
