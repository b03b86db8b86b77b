/**
 * The coverage desk's figures (统计), computed by the database: each table is one grouped
 * query over the published, non-sample stories (or the verified, non-sample placements) of
 * a date range, so the page costs the same handful of queries at 150 stories or 10,000 and
 * never loads the stories themselves.
 *
 * Days are calendar days in Asia/Shanghai (UTC+8 all year). Tables and columns are read
 * from Strapi's metadata, never spelled here, so they follow the content types.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { OUTLET_LEVELS, REVIEW_STAGES, STORY_KINDS, THEMES, nameOf } from '@campaign-desk/shared';
import { UID } from '../../../../common/names';
import type { Count, CoverageOutlet, Statistics, StatisticsQuery } from '../../../../common/statistics-api';
import { defineService } from '../../utils';

type Uid = (typeof UID)[keyof typeof UID];
type Row = Record<string, unknown>;

/** Outlet levels whose mainstream media the goal of 全覆盖 names (一、总体要求). */
const COVERAGE_LEVELS = ['central', 'provincial'] as const;
const NONE = '未标注';
const SHANGHAI_OFFSET = '+08:00';

/** The first instant of a Shanghai calendar day, and of the day after. */
export function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00${SHANGHAI_OFFSET}`);
}
export function dayAfter(day: string): Date {
  return new Date(dayStart(day).getTime() + 86_400_000);
}

const count = (value: unknown) => Number(value ?? 0);

export default defineService('statistics', ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection as unknown as Knex;
  const postgres = () => strapi.db.dialect.client === 'postgres';
  /**
   * Grouping by the first column selected: an expression with bindings cannot be repeated in
   * GROUP BY on PostgreSQL, which numbers each binding anew and so sees a different expression.
   */
  const byFirst = () => knex().raw('1');

  function table(uid: Uid): string {
    return strapi.db.metadata.get(uid).tableName;
  }
  function column(uid: Uid, attribute: string): string {
    const meta = strapi.db.metadata.get(uid).attributes[attribute] as { columnName?: string } | undefined;
    if (!meta) throw new Error(`statistics: ${uid} has no attribute ${attribute}`);
    return meta.columnName ?? attribute;
  }
  function link(uid: Uid, attribute: string): { name: string; from: string; to: string } {
    const { joinTable } = strapi.db.metadata.get(uid).attributes[attribute] as {
      joinTable: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } };
    };
    return { name: joinTable.name, from: joinTable.joinColumn.name, to: joinTable.inverseJoinColumn.name };
  }

  /**
   * A datetime column as a Shanghai calendar day ('YYYY-MM-DD'), or the Monday of its week.
   * SQLite holds Strapi's datetimes as epoch milliseconds; PostgreSQL as timestamps without
   * zone in the zone of the Node process that wrote them (node-postgres sends local time).
   */
  function dayOf(qualified: string, week = false): Knex.Raw {
    if (postgres()) {
      const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const local = `((?? AT TIME ZONE ?) AT TIME ZONE 'Asia/Shanghai')`;
      return week
        ? knex().raw(`to_char(date_trunc('week', ${local}), 'YYYY-MM-DD')`, [qualified, zone])
        : knex().raw(`to_char(${local}, 'YYYY-MM-DD')`, [qualified, zone]);
    }
    return week
      ? knex().raw(`date(?? / 1000, 'unixepoch', '+8 hours', 'weekday 0', '-6 days')`, [qualified])
      : knex().raw(`strftime('%Y-%m-%d', ?? / 1000, 'unixepoch', '+8 hours')`, [qualified]);
  }

  /** Milliseconds from one datetime column to another. */
  function millisBetween(earlier: string, later: string): Knex.Raw {
    return postgres() ? knex().raw('EXTRACT(EPOCH FROM (?? - ??)) * 1000', [later, earlier]) : knex().raw('(?? - ??)', [later, earlier]);
  }

  /** Not sample content: the flag is false, or (rows older than the flag) unset. */
  function notSample(builder: Knex.QueryBuilder, qualified: string) {
    return builder.where((where) => where.where(qualified, false).orWhereNull(qualified));
  }

  /** The published, non-sample stories dated in the range, as `s`. */
  function stories(range: StatisticsQuery): Knex.QueryBuilder {
    const query = knex()
      .from({ s: table(UID.story) })
      .whereNotNull(`s.${column(UID.story, 'publishedAt')}`)
      .where(`s.${column(UID.story, 'date')}`, '>=', dayStart(range.from))
      .where(`s.${column(UID.story, 'date')}`, '<', dayAfter(range.to));
    return notSample(query, `s.${column(UID.story, 'sample')}`);
  }

  const storyDate = () => `s.${column(UID.story, 'date')}`;

  async function perDay(range: StatisticsQuery, week: boolean): Promise<Count[]> {
    const rows = (await stories(range)
      .select({ key: dayOf(storyDate(), week) })
      .count({ n: '*' })
      .groupBy(byFirst())
      .orderBy('key')) as Row[];
    return rows.map((row) => ({ key: String(row.key), label: String(row.key), count: count(row.n) }));
  }

  /** Stories per target of a relation (a story counts once under each), with the stories that have none. */
  async function byRelation(range: StatisticsQuery, attribute: string, target: Uid, labelAttribute: string): Promise<Count[]> {
    const via = link(UID.story, attribute);
    const documentId = `t.${column(target, 'documentId')}`;
    const rows = (await stories(range)
      .leftJoin({ l: via.name }, `l.${via.from}`, 's.id')
      .leftJoin({ t: table(target) }, 't.id', `l.${via.to}`)
      .select({ key: documentId })
      .max({ label: `t.${column(target, labelAttribute)}` })
      .countDistinct({ n: 's.id' })
      .groupBy(documentId)
      .orderBy([{ column: 'n', order: 'desc' }, { column: 'label' }])) as Row[];
    return rows.map((row) => ({
      key: row.key === null ? null : String(row.key),
      label: row.key === null ? NONE : String(row.label),
      count: count(row.n),
    }));
  }

  async function byKind(range: StatisticsQuery): Promise<Count[]> {
    const kind = `s.${column(UID.story, 'kind')}`;
    const rows = (await stories(range).select({ key: kind }).count({ n: '*' }).groupBy(kind).orderBy('n', 'desc')) as Row[];
    return rows.map((row) => ({ key: String(row.key), label: nameOf(STORY_KINDS, String(row.key)), count: count(row.n) }));
  }

  /** The plan's phases by the story's day (二、时间安排), and the days outside them. */
  async function byPhase(range: StatisticsQuery): Promise<Count[]> {
    const day = dayOf(storyDate());
    const cases = THEMES.map(() => 'WHEN (?) BETWEEN ? AND ? THEN ?').join(' ');
    const phase = knex().raw(
      `CASE ${cases} ELSE 0 END`,
      THEMES.flatMap((theme) => [day, theme.startsOn, theme.endsOn, theme.phase]),
    );
    const rows = (await stories(range).select({ key: phase }).count({ n: '*' }).groupBy(byFirst()).orderBy('key')) as Row[];
    return rows.map((row) => {
      const theme = THEMES.find((candidate) => candidate.phase === count(row.key));
      return {
        key: String(count(row.key)),
        label: theme ? `第${theme.phase}阶段（${theme.windowLabel}，${theme.name}）` : '各阶段之外',
        count: count(row.n),
      };
    });
  }

  async function review(range: StatisticsQuery): Promise<Statistics['review']> {
    const storyTable = table(UID.story);
    const stage = column(UID.story, 'reviewStage');
    const drafts = knex()
      .from({ s: storyTable })
      .whereNull(`s.${column(UID.story, 'publishedAt')}`);
    const stageRows = (await notSample(drafts, `s.${column(UID.story, 'sample')}`)
      .select({ key: `s.${stage}` })
      .count({ n: '*' })
      .groupBy(`s.${stage}`)) as Row[];
    const byStage = new Map(stageRows.map((row) => [String(row.key ?? 'draft'), count(row.n)]));

    // Each 终审 in the range, timed from the latest 送审 of the same story before it.
    const log = table(UID.reviewEntry);
    const [storyId, action, createdAt] = ['storyId', 'action', 'createdAt'].map((name) => column(UID.reviewEntry, name)) as [
      string,
      string,
      string,
    ];
    const submitted = knex()
      .from({ e: log })
      .max(`e.${createdAt}`)
      .whereRaw('?? = ??', [`e.${storyId}`, `f.${storyId}`])
      .where(`e.${action}`, 'submit')
      .whereRaw('?? <= ??', [`e.${createdAt}`, `f.${createdAt}`]);
    const sampleStory = knex()
      .from({ st: storyTable })
      .select(knex().raw('1'))
      .whereRaw('?? = ??', [`st.${column(UID.story, 'documentId')}`, `f.${storyId}`])
      .where(`st.${column(UID.story, 'sample')}`, true);
    const durations = knex()
      .from(
        knex()
          .from({ f: log })
          .select(knex().raw('(?) as ??', [submitted, 'submittedAt']), { finalAt: `f.${createdAt}` })
          .where(`f.${action}`, 'final')
          .where(`f.${createdAt}`, '>=', dayStart(range.from))
          .where(`f.${createdAt}`, '<', dayAfter(range.to))
          .whereNotExists(sampleStory)
          .as('d'),
      )
      .whereNotNull('d.submittedAt')
      .select({ ms: millisBetween('d.submittedAt', 'd.finalAt') });
    const [{ n: finals } = { n: 0 }] = (await knex().from(durations.clone().as('x')).count({ n: '*' })) as Row[];
    const total = count(finals);
    let median: number | null = null;
    if (total > 0) {
      // The middle one, or the mean of the middle two; sorted and picked by the database.
      const middle = (await knex()
        .from(durations.as('x'))
        .select('x.ms')
        .orderBy('x.ms')
        .offset(Math.floor((total - 1) / 2))
        .limit(total % 2 === 0 ? 2 : 1)) as Row[];
      median = middle.reduce((sum, row) => sum + Number(row.ms), 0) / middle.length / 3_600_000;
    }
    return {
      stages: REVIEW_STAGES.map((entry) => ({ key: entry.key, label: entry.name, count: byStage.get(entry.key) ?? 0 })),
      finals: total,
      medianHoursToFinal: median === null ? null : Math.round(median * 10) / 10,
    };
  }

  /** Verified, non-sample placements of non-sample stories, dated up to `to` (and from `from`, if given), per outlet. */
  async function placementsPerOutlet(
    to: string,
    from?: string,
  ): Promise<Map<string, { placements: number; stories: number; lastDate: string | null }>> {
    const p = table(UID.placement);
    const toStory = link(UID.placement, 'story');
    const toOutlet = link(UID.placement, 'outlet');
    const date = `p.${column(UID.placement, 'date')}`;
    const sampleStory = knex()
      .from({ sl: toStory.name })
      .join({ st: table(UID.story) }, 'st.id', `sl.${toStory.to}`)
      .select(knex().raw('1'))
      .whereRaw('?? = ??', [`sl.${toStory.from}`, 'p.id'])
      .where(`st.${column(UID.story, 'sample')}`, true);
    const query = knex()
      .from({ p })
      .join({ ol: toOutlet.name }, `ol.${toOutlet.from}`, 'p.id')
      .join({ o: table(UID.outlet) }, 'o.id', `ol.${toOutlet.to}`)
      .leftJoin({ sl: toStory.name }, `sl.${toStory.from}`, 'p.id')
      .leftJoin({ st: table(UID.story) }, 'st.id', `sl.${toStory.to}`)
      .where(`p.${column(UID.placement, 'state')}`, 'verified')
      .where(date, '<=', to)
      .whereNotExists(sampleStory);
    if (from) query.where(date, '>=', from);
    notSample(query, `p.${column(UID.placement, 'sample')}`);
    const outletId = `o.${column(UID.outlet, 'documentId')}`;
    const rows = (await query
      .select({ outlet: outletId })
      .countDistinct({ placements: 'p.id', stories: `st.${column(UID.story, 'documentId')}` })
      .max({ lastDate: date })
      .groupBy(outletId)) as Row[];
    return new Map(
      rows.map((row) => [
        String(row.outlet),
        {
          placements: count(row.placements),
          stories: count(row.stories),
          lastDate: row.lastDate ? String(row.lastDate).slice(0, 10) : null,
        },
      ]),
    );
  }

  async function coverage(range: StatisticsQuery): Promise<Statistics['coverage']> {
    const outlets = (await strapi.db.query(UID.outlet).findMany({
      select: ['documentId', 'name', 'level', 'countsTowardCoverage'],
      where: { $or: [{ level: { $in: COVERAGE_LEVELS } }, { countsTowardCoverage: true }] },
      orderBy: [{ id: 'asc' }],
    })) as Array<{ documentId: string; name: string; level: string; countsTowardCoverage: boolean | null }>;
    const inRange = await placementsPerOutlet(range.to, range.from);
    const upToEnd = await placementsPerOutlet(range.to);
    const rows: CoverageOutlet[] = outlets.map((outlet) => ({
      documentId: outlet.documentId,
      name: outlet.name,
      level: outlet.level,
      levelLabel: nameOf(OUTLET_LEVELS, outlet.level),
      target: Boolean(outlet.countsTowardCoverage),
      placements: inRange.get(outlet.documentId)?.placements ?? 0,
      cumulativePlacements: upToEnd.get(outlet.documentId)?.placements ?? 0,
      cumulativeStories: upToEnd.get(outlet.documentId)?.stories ?? 0,
      lastDate: upToEnd.get(outlet.documentId)?.lastDate ?? null,
    }));
    const levelOrder = (level: string) => OUTLET_LEVELS.findIndex((entry) => entry.key === level);
    rows.sort((a, b) => levelOrder(a.level) - levelOrder(b.level));
    const levels = OUTLET_LEVELS.filter((level) => rows.some((row) => row.target && row.level === level.key)).map((level) => {
      const targets = rows.filter((row) => row.target && row.level === level.key);
      return {
        level: level.key,
        label: level.name,
        targets: targets.length,
        covered: targets.filter((row) => row.cumulativePlacements > 0).length,
      };
    });
    return { levels, outlets: rows };
  }

  return {
    async compute(range: StatisticsQuery): Promise<Statistics> {
      const [total] = (await stories(range).count({ n: '*' })) as Row[];
      const result = {
        range,
        perDay: await perDay(range, false),
        perWeek: await perDay(range, true),
        byOutlet: await byRelation(range, 'outlet', UID.outlet, 'name'),
        byColumn: await byRelation(range, 'columns', UID.column, 'name'),
        byTheme: await byRelation(range, 'theme', UID.theme, 'name'),
        byPhase: await byPhase(range),
        byActivity: await byRelation(range, 'activities', UID.activity, 'name'),
        byPlace: await byRelation(range, 'places', UID.place, 'name'),
        byKind: await byKind(range),
        review: await review(range),
        coverage: await coverage(range),
      };
      const targets = result.coverage.outlets.filter((outlet) => outlet.target);
      return {
        ...result,
        totals: {
          stories: count(total?.n),
          placements: result.coverage.outlets.reduce((sum, outlet) => sum + outlet.placements, 0),
          targets: targets.length,
          covered: targets.filter((outlet) => outlet.cumulativePlacements > 0).length,
        },
      };
    },
  };
});
