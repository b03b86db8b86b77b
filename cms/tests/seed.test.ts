import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD_TYPES, recordSchema } from '@campaign-desk/shared';
import { readFixture } from '@campaign-desk/testing/fixture';
import { campaignDataset } from '../../scripts/seed/index';
import { CAMPAIGN_CONTENT_TYPES, PLUGIN_ID, UID } from 'strapi-plugin-campaign-desk/names';
import { startCms, type TestCms } from './support/strapi';

let cms: TestCms;
const seed = (data: unknown, source = 'test.json') =>
  cms.strapi.plugin(PLUGIN_ID).service('seed').load(data, source) as Promise<Record<string, { created: number; kept: number }>>;

type Shaped = Record<string, unknown> & { type: string; documentId: string };

/**
 * Records as their content says, whichever database made them: each documentId (the record's
 * own, and every reference) becomes what names the record in the seed (type and slug, a good
 * deed's title and date, a placement's story, outlet and date), and the write times go.
 */
function comparable(records: Shaped[]): Array<Record<string, unknown>> {
  const names = new Map<string, string>();
  for (const record of records) {
    if (typeof record.slug === 'string') names.set(record.documentId, `${record.type}:${record.slug}`);
    if (record.type === 'goodDeed') names.set(record.documentId, `goodDeed:${record.title}@${record.date}`);
    // An adopted suggestion is known by its text, as the seed knows it.
    if (record.type === 'suggestion') names.set(record.documentId, `suggestion:${record.text}`);
    for (const clause of (record.clauses as Array<{ documentId: string; order: number }> | undefined) ?? []) {
      names.set(clause.documentId, `clause:${record.slug}#${clause.order}`);
    }
    // A quiz's questions are known by their place in it, as the seed writes them.
    for (const [index, question] of ((record.questions as Array<{ documentId: string }> | undefined) ?? []).entries()) {
      names.set(question.documentId, `question:${record.slug}#${index + 1}`);
    }
  }
  for (const record of records.filter((candidate) => candidate.type === 'placement')) {
    names.set(record.documentId, `placement:${names.get(record.storyId as string)}→${names.get(record.outletId as string)}@${record.date}`);
  }
  const rename = (value: unknown): unknown => {
    if (typeof value === 'string') return names.get(value) ?? value;
    if (Array.isArray(value)) return value.map(rename);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([key]) => key !== 'updatedAt' && key !== 'publishedAt')
          .map(([key, field]) => [key, rename(field)]),
      );
    }
    return value;
  };
  return records
    .map((record) => rename(record) as Record<string, unknown>)
    .sort((a, b) => String(a.documentId).localeCompare(String(b.documentId)));
}

/** Rows in every campaign table and the journal head: equal snapshots mean nothing was written. */
async function footprint() {
  const counts: Record<string, number> = {};
  for (const name of [...CAMPAIGN_CONTENT_TYPES, 'change'] as const) counts[name] = await cms.strapi.db.query(UID[name]).count({});
  return counts;
}

beforeAll(async () => {
  cms = await startCms();
});
afterAll(async () => cms?.destroy());

describe('the campaign seed', () => {
  it('loads the plan’s data and the sample stories', async () => {
    const summary = await seed(campaignDataset());
    expect(summary.stories!.created).toBeGreaterThanOrEqual(140);
    expect(summary.outlets!.created).toBeGreaterThanOrEqual(12);

    const tang = await cms.strapi.db.query(UID.figure).findOne({ where: { name: '唐光友', publishedAt: { $notNull: true } } });
    expect(tang?.qualities).toContain('勇斗病魔、一如既往的顽强精神');

    const central = await cms.strapi.db.query(UID.outlet).findMany({ where: { level: 'central' } });
    expect(central.map((outlet: { name: string }) => outlet.name)).toEqual(
      expect.arrayContaining(['人民日报', '新华社', '中央广播电视总台', '光明日报', '经济日报', '中国新闻社']),
    );

    const studies = await cms.strapi.db.query(UID.event).findMany({
      where: { kind: 'study', publishedAt: { $notNull: true } },
      orderBy: { startsAt: 'asc' },
    });
    const dates = studies.map((event: { startsAt: string | Date }) =>
      new Date(event.startsAt).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }),
    );
    expect(dates).toEqual(['2020-05-20', '2020-05-27', '2020-06-03']);

    const column = await cms.strapi.db.query(UID.column).findOne({ where: { name: '接力唐光友，为民做好事' } });
    expect(column).not.toBeNull();
  });

  it('publishes only records that satisfy the contract', async () => {
    const reader = cms.strapi.plugin(PLUGIN_ID).service('record-reader');
    for (const type of ['story', 'opinion', 'event', 'figure', 'goodDeed', 'column', 'outlet'] as const) {
      const { records } = await reader.read(type, 'http://127.0.0.1');
      expect(records.length).toBeGreaterThan(0);
      for (const record of records) expect(recordSchema.safeParse(record).success).toBe(true);
    }
    // Its clauses are public with the opinion: it was published once they were written.
    const { records: opinions } = await reader.read('opinion', 'http://127.0.0.1');
    expect(opinions.every((opinion: { clauses?: unknown }) => Array.isArray(opinion.clauses) && opinion.clauses.length > 0)).toBe(true);
  });

  it('imports sample placements verified by the system, so they are public, flagged as samples', async () => {
    const placements = (await cms.strapi.db.query(UID.placement).findMany({ select: ['state', 'sample', 'verifiedBy'] })) as Array<{
      state: string;
      sample: boolean;
      verifiedBy: string;
    }>;
    expect(placements.length).toBeGreaterThan(0);
    expect(placements.every((placement) => placement.state === 'verified' && placement.sample && placement.verifiedBy === '系统')).toBe(
      true,
    );
  });

  it('puts the central and provincial outlets on the target list of 全覆盖', async () => {
    const outlets = (await cms.strapi.db.query(UID.outlet).findMany({ select: ['level', 'countsTowardCoverage'] })) as Array<{
      level: string;
      countsTowardCoverage: boolean;
    }>;
    for (const outlet of outlets) expect(outlet.countsTowardCoverage).toBe(outlet.level === 'central' || outlet.level === 'provincial');
  });

  it('exports what the committed fixture holds (testing/fixtures/snapshot.json), ids and write times aside', async () => {
    const reader = cms.strapi.plugin(PLUGIN_ID).service('record-reader');
    const exported: Shaped[] = [];
    for (const type of RECORD_TYPES) exported.push(...(await reader.read(type, 'http://127.0.0.1')).records);
    expect(comparable(exported)).toEqual(comparable(readFixture().records as Shaped[]));
  });

  it('changes nothing when run again', async () => {
    const before = await footprint();
    const summary = await seed(campaignDataset());
    expect(Object.values(summary).every((section) => section.created === 0)).toBe(true);
    expect(await footprint()).toEqual(before);
  });
});

describe('a broken seed file', () => {
  const newStory = (slug: string, extra: Record<string, unknown> = {}) => ({
    slug,
    title: `【示例】新稿件 ${slug}`,
    date: '2020-06-01T08:00:00+08:00',
    body: ['正文。'],
    kind: '消息',
    sample: true,
    ...extra,
  });

  it('is reported by record and field, and nothing is written', async () => {
    const before = await footprint();
    const error = await seed(
      {
        outlets: [{ slug: 'new-outlet', name: '新媒体', level: '县级', medium: '网站' }],
        stories: [newStory('ok-story'), newStory('bad-kind', { kind: '小说' }), newStory('bad-column', { columns: ['no-such-column'] })],
      },
      'broken.json',
    ).catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('broken.json: stories[1] ("bad-kind"), field kind');
    expect(await footprint()).toEqual(before);

    const dangling = await seed({ stories: [newStory('bad-column', { columns: ['no-such-column'] })] }, 'broken.json').catch(
      (caught: Error) => caught,
    );
    expect((dangling as Error).message).toBe('broken.json: stories[0] ("bad-column"), field columns: nothing is called "no-such-column"');
    expect(await footprint()).toEqual(before);
  });

  it('reports a story citing a clause only the file has, of an opinion the database holds, before writing anything', async () => {
    const before = await footprint();
    const opinion = campaignDataset().opinions.find((candidate) => candidate.slug === 'yijian')!;
    const error = await seed(
      {
        opinions: [
          { ...opinion, clauses: [...opinion.clauses, { order: 99, label: '十、', text: '【示例条款】只在文件里的条款', sample: true }] },
        ],
        stories: [newStory('cites-file-clause', { clauses: ['yijian#99'] })],
      },
      'broken.json',
    ).catch((caught: Error) => caught);
    expect((error as Error).message).toBe(
      'broken.json: stories[0] ("cites-file-clause"), field clauses: "yijian#99" is a clause only this file has, of an opinion the database already holds (whose clauses the seed leaves as they are)',
    );
    expect(await footprint()).toEqual(before);
  });

  it('reports a good deed or a placement given twice in one file, and writes neither', async () => {
    const before = await footprint();
    const deed = { title: '【示例】为独居老人送去年货', doer: '志愿者', date: '2020-06-02', description: '帮助老人。', sample: true };
    const placement = { story: campaignDataset().stories[0]!.slug, outlet: 'renmin-ribao', date: '2020-06-03', sample: true };
    const error = await seed(
      { goodDeeds: [deed, { ...deed, doer: '另一位志愿者' }], placements: [placement, { ...placement, slot: '第2版' }] },
      'twice.json',
    ).catch((caught: Error) => caught);
    expect((error as Error).message).toBe(
      [
        'twice.json: goodDeeds[1] ("【示例】为独居老人送去年货"), field title: the same record as goodDeeds[0]',
        `twice.json: placements[1] ("${placement.story} → renmin-ribao"), field story: the same record as placements[0]`,
      ].join('\n'),
    );
    expect(await footprint()).toEqual(before);
  });

  it('rolls back everything when a record is refused while writing', async () => {
    const before = await footprint();
    const error = await seed({ stories: [newStory('fine-one'), newStory('video-without-link', { kind: '视频' })] }, 'broken.json').catch(
      (caught: Error) => caught,
    );
    expect((error as Error).message).toContain('broken.json: stories[1] ("video-without-link"), field mediaUrl');
    expect(await footprint()).toEqual(before);
  });
});
