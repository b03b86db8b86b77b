import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envRestorer } from '@campaign-desk/testing/env';
import { bootCms } from '@campaign-desk/testing/strapi';
import { snapshotPageSchema, type CampaignRecord, type SnapshotPage } from '@campaign-desk/shared';
import { UID } from 'strapi-plugin-campaign-desk/names';
import { fixtures, paragraph } from './support/fixtures';
import { startCms, type TestCms } from './support/strapi';

let cms: TestCms;
let make: ReturnType<typeof fixtures>;
let token: string;

beforeAll(async () => {
  cms = await startCms();
  make = fixtures(cms.strapi);
  token = await make.apiToken('read-only');
});
afterAll(async () => cms?.destroy());

async function get(query = '', auth: string | null = token) {
  const response = await fetch(`${cms.url}/api/campaign-desk/snapshot${query}`, {
    headers: auth ? { Authorization: `Bearer ${auth}` } : {},
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function page(query = ''): Promise<SnapshotPage> {
  const { status, body } = await get(query);
  expect(status, JSON.stringify(body)).toBe(200);
  return snapshotPageSchema.parse(body);
}

const cursorOf = (position: object) => Buffer.from(JSON.stringify(position)).toString('base64url');

/** Follows the cursor to the end; returns every record, tombstone and the final cursor. */
async function sync(since?: string, limit = 7) {
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

describe('access', () => {
  it('asks for an API token', async () => {
    expect((await get('', null)).status).toBe(401);
    expect((await get('', 'not-a-token')).status).toBe(401);
  });

  it('accepts a read-only token', async () => {
    expect((await get()).status).toBe(200);
  });

  it.each([
    ['?limit=0', 'limit'],
    ['?limit=abc', 'limit'],
    ['?limit=100000', 'limit'],
    ['?cursor=garbage', 'cursor'],
    ['?since=eyJ2IjoyfQ', 'cursor'],
    ['?page=2', 'page'],
    ['?cursor=a&since=b', 'either cursor'],
    // Numbers no row can have: PostgreSQL would refuse them (a 500) if they reached it.
    [`?since=${cursorOf({ v: 1, seq: 1e15 })}`, 'since: seq is out of range'],
    [`?since=${cursorOf({ v: 1, seq: -1 })}`, 'since: seq is out of range'],
    [`?cursor=${cursorOf({ v: 1, seq: 0, type: 'story', afterId: 2 ** 31 })}`, 'cursor: afterId is out of range'],
    [`?cursor=${cursorOf({ v: 1, seq: 2 ** 53, type: 'story', afterId: 0 })}`, 'cursor: seq is out of range'],
  ])('answers %s with a 400 that says what is wrong', async (query, words) => {
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect((body.error as { message: string }).message).toContain(words);
  });
});

describe('the public URL', () => {
  it('makes image URLs from the configured address, whatever Host a request names', async () => {
    const cover = await make.image('host-test');
    const story = await make.story({ title: '封面地址不随请求变化', cover: cover.id });
    const body = await new Promise<string>((resolve, reject) => {
      const { port } = new URL(cms.url);
      const outgoing = request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/campaign-desk/snapshot?limit=500',
          headers: { Host: 'attacker.example', Authorization: `Bearer ${token}` },
        },
        (response) => {
          let text = '';
          response
            .setEncoding('utf8')
            .on('data', (chunk: string) => (text += chunk))
            .on('end', () => resolve(text));
        },
      );
      outgoing.on('error', reject).end();
    });
    expect(body).not.toContain('attacker.example');
    const carried = snapshotPageSchema.parse(JSON.parse(body)).records.find((record) => record.documentId === story.documentId);
    expect(carried?.type === 'story' && carried.cover?.url).toBe(`${cms.url}/uploads/host-test_hash.jpg`);
  });

  it('must be configured in production: start-up refuses without PUBLIC_URL and says so', async () => {
    const restoreEnv = envRestorer();
    try {
      delete process.env.PUBLIC_URL;
      await expect(bootCms({ ...cms.env, NODE_ENV: 'production' })).rejects.toThrow(/PUBLIC_URL is not set: in production/);
      await expect(bootCms({ ...cms.env, NODE_ENV: 'production', PUBLIC_URL: 'cms.example.cn' })).rejects.toThrow(
        'PUBLIC_URL ("cms.example.cn") is not an absolute http(s) URL',
      );
    } finally {
      restoreEnv();
    }
  });
});

describe('export', () => {
  let published: { documentId: string };
  let draft: { documentId: string };

  beforeAll(async () => {
    const outlet = await make.outlet();
    const column = await make.column({ outlets: [outlet.documentId] });
    const cover = await make.image();
    const theme = await make.taxonomyId('theme', 'zengzhangji');
    const activity = await make.taxonomyId('activity', 'da-diaoyan');
    published = await make.story({
      title: '市委常委带头深入基层开展大调研',
      summary: '走遍咸宁，做问题的终结者。',
      date: '2020-05-20T07:00:00.000Z',
      body: paragraph('全市各级领导干部深入一线。'),
      outlet: outlet.documentId,
      columns: [column.documentId],
      theme,
      activities: [activity],
      cover: cover.id,
      coverCaption: '调研现场',
      coverCredit: '记者 李明 摄',
      bylines: '记者 王芳、通讯员 陈静',
      printOutlet: outlet.documentId,
      printDate: '2020-05-21',
      printPage: '第1版',
    });
    draft = await make.story({ title: '尚未发布的稿件' }, false);
  });

  it('carries every published record in the contract shape, paged', async () => {
    const { records, pages } = await sync();
    expect(pages).toBeGreaterThanOrEqual(Math.ceil(records.length / 7));
    expect(pages).toBeGreaterThan(2);
    const byType = (type: string) => records.filter((record) => record.type === type);
    expect(byType('theme')).toHaveLength(3);
    expect(byType('activity')).toHaveLength(6);
    expect(byType('place')).toHaveLength(8);
    expect(byType('outlet')).toHaveLength(1);
    expect(byType('column')).toHaveLength(1);
    expect(new Set(records.map((record) => `${record.type}:${record.documentId}`)).size).toBe(records.length);

    const story = records.find((record) => record.documentId === published.documentId);
    expect(story).toMatchObject({
      type: 'story',
      slug: 'shi-wei-chang-wei-dai-tou-shen-ru-ji-ceng-kai-zhan-da-diao-yan',
      date: '2020-05-20T07:00:00.000Z',
      kind: 'news',
      bylines: ['记者 王芳', '通讯员 陈静'],
      columnIds: [byType('column')[0]!.documentId],
      themeId: byType('theme').find((theme) => theme.type === 'theme' && theme.slug === 'zengzhangji')!.documentId,
      printEdition: { outletId: byType('outlet')[0]!.documentId, date: '2020-05-21', page: '第1版' },
      cover: {
        url: `${cms.url}/uploads/cover_hash.jpg`,
        width: 1200,
        height: 800,
        alt: '咸宁市民参加活动',
        caption: '调研现场',
        credit: '记者 李明 摄',
      },
    });
  });

  it('makes images in rich text absolute, as image fields are, and leaves the stored body as it is', async () => {
    // The media library's file record, as the admin's editor embeds it.
    const image = {
      name: 'inline.jpg',
      alternativeText: '宣讲现场',
      caption: null,
      url: '/uploads/inline_hash.jpg',
      width: 800,
      height: 600,
      formats: null,
      hash: 'inline_hash',
      ext: '.jpg',
      mime: 'image/jpeg',
      size: 88.2,
      previewUrl: null,
      provider: 'local',
      provider_metadata: null,
      createdAt: '2020-05-20T07:00:00.000Z',
      updatedAt: '2020-05-20T07:00:00.000Z',
    };
    const body = [...paragraph('宣讲团走进社区。'), { type: 'image', image, children: [{ type: 'text', text: '' }] }];
    const story = await make.story({ title: '正文带图的稿件', body });
    const { records } = await sync(undefined, 200);
    const carried = records.find((record) => record.documentId === story.documentId);
    expect(carried?.type === 'story' && carried.body[1]).toMatchObject({
      type: 'image',
      image: { ...image, url: `${cms.url}/uploads/inline_hash.jpg` },
    });
    const stored = (await cms.strapi.db
      .query(UID.story)
      .findOne({ where: { documentId: story.documentId, publishedAt: { $notNull: true } } })) as {
      body: unknown;
    };
    expect(stored.body).toEqual(body);
  });

  it('never exports drafts', async () => {
    const { records } = await sync(undefined, 200);
    expect(records.some((record) => record.documentId === draft.documentId)).toBe(false);
  });

  it('reads a page with a few queries, however many records it holds', async () => {
    const outlet = await make.outlet({ name: '香城都市报' });
    for (let n = 0; n < 30; n += 1) await make.story({ title: `批量稿件${n}`, outlet: outlet.documentId });
    const queriesFor = async (limit: number) => {
      let count = 0;
      const listener = () => (count += 1);
      cms.strapi.db.connection.on('query', listener);
      const first = await page(`?limit=${limit}`);
      // Skip to the stories: the last full-export page that holds stories.
      let current = first;
      while (!current.records.some((record) => record.type === 'story') && current.hasMore) {
        current = await page(`?limit=${limit}&cursor=${current.cursor}`);
      }
      count = 0;
      await page(`?limit=${limit}&cursor=${current.cursor}`);
      cms.strapi.db.connection.off('query', listener);
      return count;
    };
    const small = await queriesFor(3);
    const large = await queriesFor(25);
    expect(large).toBeLessThanOrEqual(small + 2);
    expect(large).toBeLessThan(25);
  });
});

describe('incremental sync', () => {
  it('returns only what changed since, with tombstones for what was withdrawn', async () => {
    const base = await sync(undefined, 100);
    const again = await sync(base.cursor);
    expect(again.records).toEqual([]);
    expect(again.tombstones).toEqual([]);

    const fresh = await make.story({ title: '新发布的稿件' });
    const toWithdraw = base.records.find((record) => record.type === 'story')!;
    const toDelete = await make.story({ title: '将被删除的稿件' });
    const middle = await sync(base.cursor);
    await cms.strapi.documents(UID.story).unpublish({ documentId: toWithdraw.documentId });
    await cms.strapi.documents(UID.story).delete({ documentId: toDelete.documentId });

    const changes = await sync(middle.cursor);
    expect(changes.records.map((record) => record.documentId)).not.toContain(fresh.documentId);
    expect(changes.tombstones).toEqual(
      expect.arrayContaining([
        { type: 'story', documentId: toWithdraw.documentId },
        { type: 'story', documentId: toDelete.documentId },
      ]),
    );
    expect(middle.records.map((record) => record.documentId)).toEqual(expect.arrayContaining([fresh.documentId, toDelete.documentId]));

    // Published again: it comes back as a record, not a tombstone.
    await cms.strapi.documents(UID.story).publish({ documentId: toWithdraw.documentId });
    const back = await sync(changes.cursor);
    expect(back.records.map((record) => record.documentId)).toEqual([toWithdraw.documentId]);
    expect(back.tombstones).toEqual([]);
  });

  it('carries an opinion’s clauses as they stood at its last publish: a clause edit waits for the next', async () => {
    const opinions = cms.strapi.documents(UID.opinion);
    const clauses = cms.strapi.documents(UID.clause);
    const opinion = await opinions.create({
      data: { title: '关于全力推进咸宁高质量发展的意见', shortTitle: '《意见》' },
      status: 'published',
    } as never);
    const carried = (records: CampaignRecord[]) => {
      const record = records.find((candidate) => candidate.documentId === opinion.documentId);
      return record?.type === 'opinion' ? record.clauses.map(({ label, text }) => `${label}${text}`) : undefined;
    };
    const base = await sync(undefined, 500);
    expect(carried(base.records)).toEqual([]);

    await clauses.create({ data: { opinion: opinion.documentId, label: '二、', heading: '主要任务', text: '第二条', order: 2 } } as never);
    const first = await clauses.create({
      data: { opinion: opinion.documentId, label: '一、', heading: '总体要求', text: '第一条', order: 1 },
    } as never);
    const edited = await sync(base.cursor);
    expect(edited.records).toEqual([]);
    expect(carried((await sync(undefined, 500)).records)).toEqual([]);
    // The opinion's draft shows the change waiting to be published.
    const versions = (await cms.strapi.db.query(UID.opinion).findMany({ where: { documentId: opinion.documentId } })) as Array<{
      publishedAt: string | null;
      updatedAt: string;
    }>;
    const [draft, published] = [versions.find((row) => !row.publishedAt)!, versions.find((row) => row.publishedAt)!];
    expect(new Date(draft.updatedAt).getTime()).toBeGreaterThan(new Date(published.updatedAt).getTime());

    await opinions.publish({ documentId: opinion.documentId } as never);
    const republished = await sync(edited.cursor);
    expect(carried(republished.records)).toEqual(['一、第一条', '二、第二条']);

    await clauses.update({ documentId: first.documentId, data: { text: '第一条（修订）' } } as never);
    expect(carried((await sync(undefined, 500)).records)).toEqual(['一、第一条', '二、第二条']);
    await opinions.publish({ documentId: opinion.documentId } as never);
    expect(carried((await sync(republished.cursor)).records)).toEqual(['一、第一条（修订）', '二、第二条']);
  });
});
