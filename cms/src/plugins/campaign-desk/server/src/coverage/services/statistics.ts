/**
 * The coverage desk's figures (统计), computed by the database: each table is one grouped
 * query over the published, non-sample stories (or the verified, non-sample placements) of
 * a date range, so the page costs the same handful of queries at 150 stories or 10,000 and
 * never loads the stories themselves.
 *
 * Days are calendar days in Asia/Shanghai (UTC+8 all year). The query helpers are in
 * statistics-sql.ts, the review and coverage tables in statistics-review.ts and
 * statistics-coverage.ts.
 */
import { STORY_KINDS, THEMES, nameOf } from '@campaign-desk/shared';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UID } from '../../../../common/names';
import type { Count, Statistics, StatisticsQuery } from '../../../../common/statistics-api';
import { defineService } from '../../utils';
import { coverageFigures } from './statistics-coverage';
import { reviewFigures } from './statistics-review';
import { type Row, type Uid, count, dayAfter, dayStart, statisticsSql } from './statistics-sql';

const NONE = '未标注';

export default defineService('statistics', ({ strapi }: { strapi: Core.Strapi }) => {
  const sql = statisticsSql(strapi);
  const { knex, byFirst, table, column, link, dayOf, notSample } = sql;

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
        review: await reviewFigures(sql, range),
        coverage: await coverageFigures(strapi, sql, range),
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
