/**
 * 统计's review figures: the drafts at each stage of 三审, and how long stories waited from
 * 送审 to 终审 (the median, worked out by the database).
 */
import { REVIEW_STAGES } from '@campaign-desk/shared';
import { UID } from '../../../../common/names';
import type { Statistics, StatisticsQuery } from '../../../../common/statistics-api';
import { type Row, type StatisticsSql, count, dayAfter, dayStart } from './statistics-sql';

export async function reviewFigures(
  { knex, table, column, notSample, millisBetween }: StatisticsSql,
  range: StatisticsQuery,
): Promise<Statistics['review']> {
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
