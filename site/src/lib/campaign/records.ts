/**
 * The campaign's records other than stories and what readers send: the taxonomy, figures,
 * policy documents and events, each sorted as pages list them and looked up by id or slug.
 */
import {
  CAMPAIGN,
  OUTLET_LEVELS,
  STORY_KINDS,
  campaignPhaseAt,
  themeOfDate,
  type CampaignEvent,
  type Clause,
  type Opinion,
} from '@campaign-desk/shared';
import type { RecordSet } from '../../snapshot/record-set';

/** A story kind as a grouping's record (see groupings.ts): its listing and feed are under its key. */
export type KindRecord = { documentId: string; slug: string; name: string; updatedAt: string };

export type RecordIndex = ReturnType<typeof indexRecords>;

const byOrder = <T extends { order: number }>(a: T, b: T) => a.order - b.order;
const byId = <T extends { documentId: string }>(list: T[]) => new Map(list.map((record) => [record.documentId, record] as const));
const bySlug = <T extends { slug: string }>(list: T[]) => new Map(list.map((record) => [record.slug, record] as const));

/** The records of `ids` a map holds, in the order of `ids` (ids of records not held are ignored). */
export const pick = <T>(map: Map<string, T>, ids: Array<string | null>): T[] =>
  ids.flatMap((id) => (id === null ? [] : (map.get(id) ?? [])));

export function indexRecords(records: RecordSet) {
  const themes = records.all('theme').sort((a, b) => a.phase - b.phase);
  const activities = records.all('activity').sort(byOrder);
  const places = records.all('place').sort(byOrder);
  const columns = records.all('column').sort(byOrder);
  const levelRank = (level: string) => OUTLET_LEVELS.findIndex((entry) => entry.key === level);
  const outlets = records.all('outlet').sort((a, b) => levelRank(a.level) - levelRank(b.level) || a.name.localeCompare(b.name, 'zh-CN'));
  const figures = records.all('figure').sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const opinions = records.all('opinion');
  const lectureTopics = records.all('lectureTopic').sort((a, b) => a.title.localeCompare(b.title, 'zh-CN'));
  const quizzes = records.all('quiz').sort((a, b) => b.opensAt.localeCompare(a.opensAt) || a.slug.localeCompare(b.slug));
  const events = records
    .all('event')
    .map((event) => ({ event, time: Date.parse(event.startsAt) }))
    .sort((a, b) => a.time - b.time || a.event.documentId.localeCompare(b.event.documentId))
    .map(({ event }) => event);
  // The kinds change only with the templates (the taxonomy is compiled in), so they carry the plan's date.
  const kinds: KindRecord[] = STORY_KINDS.map((kind) => ({
    documentId: `kind:${kind.key}`,
    slug: kind.key,
    name: kind.name,
    updatedAt: CAMPAIGN.planIssuedOn,
  }));

  const clauses = new Map<string, { clause: Clause; opinion: Opinion }>();
  const clausesByOpinion = new Map<string, Clause[]>();
  for (const opinion of opinions) {
    const ordered = [...opinion.clauses].sort(byOrder);
    clausesByOpinion.set(opinion.documentId, ordered);
    for (const clause of ordered) clauses.set(clause.documentId, { clause, opinion });
  }
  const ids = {
    themes: byId(themes),
    activities: byId(activities),
    places: byId(places),
    outlets: byId(outlets),
    columns: byId(columns),
    figures: byId(figures),
    opinions: byId(opinions),
    events: byId(events),
  };

  /** The phase an event belongs to: its theme's, or the plan's phase for its date. */
  function phaseOfEvent(event: CampaignEvent): { key: string; label: string; order: number } {
    const theme = (event.themeId && ids.themes.get(event.themeId)) || null;
    const byDate = themeOfDate(event.startsAt);
    const phase = theme?.phase ?? byDate?.phase ?? null;
    if (phase !== null) {
      const name = theme?.name ?? byDate?.name ?? '';
      return { key: `phase-${phase}`, label: `第${'一二三四五六'[phase - 1] ?? phase}阶段 · ${name}`, order: phase };
    }
    const state = campaignPhaseAt(event.startsAt).state;
    return state === 'before'
      ? { key: 'before', label: '活动启动前', order: 0 }
      : { key: 'after', label: '宣传解读阶段（《意见》出台后）', order: 99 };
  }

  return {
    themes,
    activities,
    places,
    outlets,
    columns,
    figures,
    opinions,
    quizzes,
    lectureTopics,
    events,
    kinds,
    byId: ids,
    bySlug: {
      figures: bySlug(figures),
      opinions: bySlug(opinions),
      quizzes: bySlug(quizzes),
      lectureTopics: bySlug(lectureTopics),
      themes: bySlug(themes),
      activities: bySlug(activities),
      places: bySlug(places),
      outlets: bySlug(outlets),
      columns: bySlug(columns),
      kinds: bySlug(kinds),
    },
    clauses,
    /** An opinion's clauses in the order of the document. */
    clausesOf: (opinion: Opinion) => clausesByOpinion.get(opinion.documentId) ?? [],
    phaseOfEvent,
  };
}
