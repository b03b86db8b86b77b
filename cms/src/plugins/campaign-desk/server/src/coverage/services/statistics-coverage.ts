/**
 * 统计's coverage (全覆盖): for each outlet the goal names, the verified placements of the
 * range and up to its end, and how many of each level are covered.
 */
import { OUTLET_LEVELS, nameOf } from '@campaign-desk/shared';
import type { Core } from '@strapi/strapi';
import { UID } from '../../../../common/names';
import type { CoverageOutlet, Statistics, StatisticsQuery } from '../../../../common/statistics-api';
import { type Row, type StatisticsSql, count } from './statistics-sql';

/** Outlet levels whose mainstream media the goal of 全覆盖 names (一、总体要求). */
const COVERAGE_LEVELS = ['central', 'provincial'] as const;

/** Verified, non-sample placements of non-sample stories, dated up to `to` (and from `from`, if given), per outlet. */
async function placementsPerOutlet(
  { knex, table, column, link, notSample }: StatisticsSql,
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

export async function coverageFigures(strapi: Core.Strapi, sql: StatisticsSql, range: StatisticsQuery): Promise<Statistics['coverage']> {
  const outlets = (await strapi.db.query(UID.outlet).findMany({
    select: ['documentId', 'name', 'level', 'countsTowardCoverage'],
    where: { $or: [{ level: { $in: COVERAGE_LEVELS } }, { countsTowardCoverage: true }] },
    orderBy: [{ id: 'asc' }],
  })) as Array<{ documentId: string; name: string; level: string; countsTowardCoverage: boolean | null }>;
  const inRange = await placementsPerOutlet(sql, range.to, range.from);
  const upToEnd = await placementsPerOutlet(sql, range.to);
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
