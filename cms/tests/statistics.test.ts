/**
 * 统计 through the admin API: every figure equals the one computed here, independently, from
 * the fixture the test loads (stories that straddle Shanghai's midnight, samples, drafts,
 * placements in every state, a review log); the xlsx export is read back with ExcelJS and
 * the CSV export keeps a hostile outlet name from running as a formula.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITIES, OUTLET_LEVELS, PLACES, STORY_KINDS, THEMES, nameOf, shanghaiDate } from '@campaign-desk/shared';
import { PLUGIN_ID, UID } from 'strapi-plugin-campaign-desk/names';
import plan from '../../scripts/seed/plan.json';
import { adminApi, type Session } from './support/admin-api';
import { fixtures, paragraph } from './support/fixtures';
import { startCms, type TestCms } from './support/strapi';

let cms: TestCms;
let api: ReturnType<typeof adminApi>;
const people = {} as Record<'reporter' | 'editor' | 'deskHead' | 'chief', Session>;
const RANGE = { from: '2020-05-01', to: '2020-09-30' };
const HOSTILE = '=HYPERLINK("https://evil.example/x","点我")';

interface FixtureStory {
  slug: string;
  title: string;
  date: string;
  kind: string;
  outlet?: string;
  columns: string[];
  theme?: string;
  activities: string[];
  places: string[];
  sample: boolean;
}

const KINDS = ['news', 'feature', 'commentary', 'roundup', 'research', 'speech'] as const;
const OUTLETS = ['xianning-ribao', 'xianning-guangbo-dianshitai', 'xiangcheng-dushibao', 'xianning-wang', 'hostile-outlet'];
const COLUMNS = plan.columns.map((column) => column.slug);

/** 48 stories over the campaign and just outside it; some at 23:30 or 00:30 in Shanghai, every fifth a sample. */
const STORIES: FixtureStory[] = Array.from({ length: 48 }, (_, i) => {
  const day = new Date(Date.UTC(2020, 3, 28) + i * 3.3 * 86_400_000).toISOString().slice(0, 10);
  const time = ['08:00', '23:30', '00:30'][i % 3];
  return {
    slug: `tongji-${i}`,
    title: `统计测试稿件 ${i}`,
    date: `${day}T${time}:00+08:00`,
    kind: KINDS[i % KINDS.length]!,
    ...(i % 7 === 6 ? {} : { outlet: OUTLETS[i % OUTLETS.length] }),
    columns: COLUMNS.filter((_, c) => (i + c) % 5 === 0).slice(0, 2),
    ...(i % 4 === 3 ? {} : { theme: THEMES[i % 3]!.slug }),
    activities: ACTIVITIES.filter((_, a) => (i + a) % 4 === 0).map((activity) => activity.slug),
    places: i % 6 === 5 ? [] : [PLACES[i % PLACES.length]!.slug],
    sample: i % 5 === 3,
  };
});

const counted = STORIES.filter((story) => !story.sample && shanghaiDate(story.date) >= RANGE.from && shanghaiDate(story.date) <= RANGE.to);

/** [label, count] pairs, in a fixed order, from a list of labels (one per story per group). */
function tally(labels: string[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a.localeCompare(b));
}
const pairs = (rows: Array<{ label: string; count: number }>) =>
  rows.map((row): [string, number] => [row.label, row.count]).sort(([a], [b]) => a.localeCompare(b));
const mondayOf = (day: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
};
const nameBySlug = (list: ReadonlyArray<{ slug: string; name: string }>, slug: string) => list.find((entry) => entry.slug === slug)!.name;
const outletName = (slug: string) => (slug === 'hostile-outlet' ? HOSTILE : nameBySlug(plan.outlets, slug));

const get = (path: string, session = people.editor) =>
  fetch(`${cms.url}${path}`, { headers: { Authorization: `Bearer ${session.token}` } });

let statistics: Record<string, any>;
/** Placements made for the coverage figures: outlet slug, day, state, sample. */
const PLACEMENTS = [
  { outlet: 'hubei-ribao', story: 1, date: '2020-06-02', state: 'verified', sample: false },
  { outlet: 'hubei-ribao', story: 2, date: '2020-06-20', state: 'verified', sample: false },
  { outlet: 'renmin-ribao', story: 1, date: '2020-04-30', state: 'verified', sample: false }, // before the range: cumulative only
  { outlet: 'xinhuashe', story: 3, date: '2020-07-01', state: 'carried', sample: false }, // not verified
  { outlet: 'guangming-ribao', story: 3, date: '2020-07-01', state: 'verified', sample: true }, // a sample
  { outlet: 'jingchu-wang', story: 4, date: '2020-10-05', state: 'verified', sample: false }, // after the range
] as const;

beforeAll(async () => {
  cms = await startCms();
  api = adminApi(cms);
  Object.assign(people, await api.newsroom());
  const seed = cms.strapi.plugin(PLUGIN_ID).service('seed');
  await seed.load(
    {
      outlets: [...plan.outlets, { slug: 'hostile-outlet', name: HOSTILE, level: '市级', medium: '网站', sample: false }],
      columns: plan.columns,
      stories: STORIES.map(({ kind, ...story }) => ({ ...story, kind: nameOf(STORY_KINDS, kind), body: ['正文。'] })),
    },
    'statistics fixture',
  );
  // A draft and an unpublished story never count.
  await fixtures(cms.strapi).story({ title: '草稿不计入', date: '2020-06-01T08:00:00+08:00' }, false);

  // Three stories through 三审 by the people who review them, for the pipeline's figures.
  for (const title of ['送审一', '送审二', '送审三']) {
    const story = (
      await api.call(people.reporter, 'POST', `/content-manager/collection-types/${UID.story}`, {
        title,
        kind: 'news',
        body: paragraph('正文'),
      })
    ).body.data;
    await api.approve(people, story.documentId);
  }
  await api.call(people.reporter, 'POST', `/content-manager/collection-types/${UID.story}`, { title: '还在草稿', kind: 'news' });

  const evidence = await fixtures(cms.strapi).image('evidence');
  const ids = async (uid: string, slug: string) =>
    ((await cms.strapi.db.query(uid as never).findOne({ where: { slug } })) as { documentId: string }).documentId;
  for (const placement of PLACEMENTS) {
    await cms.strapi.documents(UID.placement).create({
      data: {
        story: await ids(UID.story, `tongji-${placement.story}`),
        outlet: await ids(UID.outlet, placement.outlet),
        state: placement.state,
        date: placement.date,
        slot: '第1版',
        evidence: evidence.id,
        sample: placement.sample,
      },
    } as never);
  }

  const response = await get(`/campaign-desk/statistics?from=${RANGE.from}&to=${RANGE.to}`);
  expect(response.status).toBe(200);
  statistics = (await response.json()) as Record<string, any>;
});
afterAll(async () => cms?.destroy());

describe('the statistics', () => {
  it('are for editors and the chief editor, not reporters', async () => {
    expect((await get(`/campaign-desk/statistics?from=${RANGE.from}&to=${RANGE.to}`, people.reporter)).status).toBe(403);
  });

  it('count published, non-sample stories of the range, per Shanghai day and week', () => {
    expect(statistics.totals.stories).toBe(counted.length);
    expect(pairs(statistics.perDay)).toEqual(tally(counted.map((story) => shanghaiDate(story.date))));
    expect(pairs(statistics.perWeek)).toEqual(tally(counted.map((story) => mondayOf(shanghaiDate(story.date)))));
  });

  it('group them by outlet, column, theme, phase, activity, place and kind', () => {
    const each = (pick: (story: FixtureStory) => string[]) =>
      tally(counted.flatMap((story) => (pick(story).length > 0 ? pick(story) : ['未标注'])));
    expect(pairs(statistics.byOutlet)).toEqual(each((story) => (story.outlet ? [outletName(story.outlet)] : [])));
    expect(pairs(statistics.byColumn)).toEqual(each((story) => story.columns.map((slug) => nameBySlug(plan.columns, slug))));
    expect(pairs(statistics.byTheme)).toEqual(each((story) => (story.theme ? [nameBySlug(THEMES, story.theme)] : [])));
    expect(pairs(statistics.byActivity)).toEqual(each((story) => story.activities.map((slug) => nameBySlug(ACTIVITIES, slug))));
    expect(pairs(statistics.byPlace)).toEqual(each((story) => story.places.map((slug) => nameBySlug(PLACES, slug))));
    expect(pairs(statistics.byKind)).toEqual(tally(counted.map((story) => nameOf(STORY_KINDS, story.kind))));
    const phaseOf = (story: FixtureStory) =>
      THEMES.find((theme) => shanghaiDate(story.date) >= theme.startsOn && shanghaiDate(story.date) <= theme.endsOn);
    expect(statistics.byPhase.map((row: { key: string; count: number }) => [row.key, row.count])).toEqual(
      tally(counted.map((story) => String(phaseOf(story)?.phase ?? 0))),
    );
  });

  it('show the review pipeline: stories at each stage and the median time from 送审 to 终审', async () => {
    const drafts = (await cms.strapi.db
      .query(UID.story)
      .findMany({ where: { publishedAt: null }, select: ['reviewStage', 'sample'] })) as Array<{ reviewStage: string; sample: boolean }>;
    const stages = tally(drafts.filter((story) => !story.sample).map((story) => story.reviewStage));
    expect(
      statistics.review.stages
        .filter((stage: { count: number }) => stage.count > 0)
        .map((stage: { key: string; count: number }) => [stage.key, stage.count])
        .sort(),
    ).toEqual(stages);

    // The moves happened today, outside the fixture's range: ask for today.
    const today = shanghaiDate(new Date());
    const now = (await (await get(`/campaign-desk/statistics?from=${today}&to=${today}`)).json()) as Record<string, any>;
    const log = (await cms.strapi.db.query(UID.reviewEntry).findMany({ orderBy: { id: 'asc' } })) as Array<{
      storyId: string;
      action: string;
      createdAt: string;
    }>;
    const hours = log
      .filter((entry) => entry.action === 'final')
      .map((final) => {
        const submitted = log
          .filter((entry) => entry.storyId === final.storyId && entry.action === 'submit' && entry.createdAt <= final.createdAt)
          .at(-1)!;
        return (Date.parse(final.createdAt) - Date.parse(submitted.createdAt)) / 3_600_000;
      })
      .sort((a, b) => a - b);
    expect(now.review.finals).toBe(3);
    expect(now.review.medianHoursToFinal).toBe(Math.round(hours[1]! * 10) / 10);
    expect(statistics.review.finals).toBe(0);
  });

  it('measure coverage against the target list: verified, non-sample placements only, with who is still missing', () => {
    const targets = plan.outlets.filter((outlet) => outlet.level === '中央' || outlet.level === '省级');
    const verified = PLACEMENTS.filter((placement) => placement.state === 'verified' && !placement.sample);
    const outlet = (slug: string) =>
      statistics.coverage.outlets.find((row: { name: string }) => row.name === nameBySlug(plan.outlets, slug));
    expect(statistics.coverage.outlets.map((row: { name: string }) => row.name).sort()).toEqual(
      targets.map((target) => target.name).sort(),
    );
    for (const target of targets) {
      const mine = verified.filter((placement) => placement.outlet === target.slug);
      const upToEnd = mine.filter((placement) => placement.date <= RANGE.to);
      expect(outlet(target.slug), target.name).toMatchObject({
        target: true,
        placements: upToEnd.filter((placement) => placement.date >= RANGE.from).length,
        cumulativePlacements: upToEnd.length,
        cumulativeStories: new Set(upToEnd.map((placement) => placement.story)).size,
      });
    }
    const covered = (level: string) =>
      targets.filter((target) => target.level === level && verified.some((p) => p.outlet === target.slug && p.date <= RANGE.to)).length;
    expect(statistics.coverage.levels).toEqual(
      ['中央', '省级'].map((level) => ({
        level: OUTLET_LEVELS.find((entry) => entry.name === level)!.key,
        label: level,
        targets: targets.filter((target) => target.level === level).length,
        covered: covered(level),
      })),
    );
    expect(statistics.totals).toMatchObject({ placements: 2, targets: targets.length, covered: covered('中央') + covered('省级') });
  });

  it('refuse a bad range, naming the field', async () => {
    const backwards = await get('/campaign-desk/statistics?from=2020-09-30&to=2020-05-01');
    expect(backwards.status).toBe(400);
    expect(((await backwards.json()) as { error: { message: string } }).error.message).toContain('from: 开始日期不能晚于结束日期');
    const garbage = await get('/campaign-desk/statistics?from=yesterday&to=2020-05-01');
    expect(((await garbage.json()) as { error: { message: string } }).error.message).toContain('from: 日期格式应为 YYYY-MM-DD');
  });
});

describe('the exports', () => {
  it('make an xlsx workbook with a sheet per table that ExcelJS reads back', async () => {
    const response = await get(`/campaign-desk/statistics/export.xlsx?from=${RANGE.from}&to=${RANGE.to}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('“六大”活动宣传统计_2020-05-01_2020-09-30.xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '概览',
      '每日发稿量',
      '每周发稿量',
      '按首发媒体',
      '按专栏',
      '按主题',
      '按阶段',
      '按“六大”活动',
      '按地区',
      '按稿件类型',
      '三审进度',
      '央媒省媒覆盖',
    ]);
    const rows = (name: string) =>
      workbook
        .getWorksheet(name)!
        .getSheetValues()
        .slice(2)
        .map((row) => (row as unknown[]).slice(1));
    expect(rows('按首发媒体')).toEqual(statistics.byOutlet.map((row: { label: string; count: number }) => [row.label, row.count]));
    expect(rows('概览')).toContainEqual(['发稿量（已发布，不含示例）', counted.length]);
    const coverage = rows('央媒省媒覆盖');
    expect(coverage).toContainEqual(['省级', '湖北日报', '是', 2, 2, 2, '2020-06-20', '已刊播']);
    expect(coverage).toContainEqual(['中央', '光明日报', '是', 0, 0, 0, '—', '尚未刊播']);
  });

  it('make a CSV per table, for Excel, where a name people typed stays text', async () => {
    const response = await get(`/campaign-desk/statistics/export.csv?from=${RANGE.from}&to=${RANGE.to}&table=byOutlet`);
    expect(response.status).toBe(200);
    // Read as bytes: fetch's text() drops the byte-order mark this checks for.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.startsWith('\uFEFF媒体,稿件数\r\n')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""https://evil.example/x"",""点我"")",`);
    expect((await get(`/campaign-desk/statistics/export.csv?from=${RANGE.from}&to=${RANGE.to}&table=nothing`)).status).toBe(400);
  });
});
