import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordSchema } from '@campaign-desk/shared';
import { campaignDataset } from '../../scripts/seed/index';
import { CAMPAIGN_CONTENT_TYPES, PLUGIN_ID, UID } from 'strapi-plugin-campaign-desk/names';
import { startCms, type TestCms } from './support/strapi';

let cms: TestCms;
const seed = (data: unknown, source = 'test.json') =>
  cms.strapi.plugin(PLUGIN_ID).service('seed').load(data, source) as Promise<
    Record<string, { created: number; kept: number }>
  >;

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
  });

  it('enters sample placements pitched, carried or declined, never verified: none is public', async () => {
    const states = (await cms.strapi.db.query(UID.placement).findMany({ select: ['state', 'sample'] })) as Array<{ state: string; sample: boolean }>;
    expect(new Set(states.map((placement) => placement.state))).toEqual(new Set(['pitched', 'carried', 'rejected']));
    expect(states.every((placement) => placement.sample)).toBe(true);
    const { records } = await cms.strapi.plugin(PLUGIN_ID).service('record-reader').read('placement', 'http://127.0.0.1');
    expect(records).toEqual([]);
  });

  it('puts the central and provincial outlets on the target list of 全覆盖', async () => {
    const outlets = (await cms.strapi.db.query(UID.outlet).findMany({ select: ['level', 'countsTowardCoverage'] })) as Array<{ level: string; countsTowardCoverage: boolean }>;
    for (const outlet of outlets) expect(outlet.countsTowardCoverage).toBe(outlet.level === 'central' || outlet.level === 'provincial');
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
    expect((dangling as Error).message).toBe(
      'broken.json: stories[0] ("bad-column"), field columns: nothing is called "no-such-column"',
    );
    expect(await footprint()).toEqual(before);
  });

  it('rolls back everything when a record is refused while writing', async () => {
    const before = await footprint();
    const error = await seed(
      { stories: [newStory('fine-one'), newStory('video-without-link', { kind: '视频' })] },
      'broken.json',
    ).catch((caught: Error) => caught);
    expect((error as Error).message).toContain('broken.json: stories[1] ("video-without-link"), field mediaUrl');
    expect(await footprint()).toEqual(before);
  });
});
