/**
 * The campaign as pages see it: every collection read once per build, relations resolved
 * (ids of records not held, e.g. withdrawn since, are ignored), stories newest first.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import {
  CAMPAIGN,
  EVENT_KINDS,
  OUTLET_LEVELS,
  STORY_KINDS,
  campaignPhaseAt,
  monthKey,
  nameOf,
  themeOfDate,
} from '@campaign-desk/shared';

export type StoryData = CollectionEntry<'stories'>['data'];
export type ThemeData = CollectionEntry<'themes'>['data'];
export type ActivityData = CollectionEntry<'activities'>['data'];
export type PlaceData = CollectionEntry<'places'>['data'];
export type OutletData = CollectionEntry<'outlets'>['data'];
export type ColumnData = CollectionEntry<'columns'>['data'];
export type FigureData = CollectionEntry<'figures'>['data'];
export type GoodDeedData = CollectionEntry<'goodDeeds'>['data'];
export type OpinionData = CollectionEntry<'opinions'>['data'];
export type EventData = CollectionEntry<'events'>['data'];
export type PlacementData = CollectionEntry<'placements'>['data'];
export type ClauseData = OpinionData['clauses'][number];

export type Campaign = Awaited<ReturnType<typeof loadCampaign>>;

let cached: Promise<Campaign> | undefined;

/** The campaign, loaded once per build (on every request in `astro dev`, where content changes). */
export function getCampaign(): Promise<Campaign> {
  if (import.meta.env.DEV) return loadCampaign();
  cached ??= loadCampaign();
  return cached;
}

/** The build's "now": CAMPAIGN_DESK_NOW pins it (tests, previews of a past day). */
export function buildNow(): Date {
  const pinned = import.meta.env.CAMPAIGN_DESK_NOW ?? process.env.CAMPAIGN_DESK_NOW;
  return pinned ? new Date(pinned) : new Date();
}

const byOrder = <T extends { order: number }>(a: T, b: T) => a.order - b.order;
const data = <T extends { data: unknown }>(entries: T[]): Array<T['data']> => entries.map((entry) => entry.data);

async function loadCampaign() {
  const [themes, activities, places, outlets, columns, figures, goodDeeds, opinions, events, placements, stories] =
    await Promise.all([
      getCollection('themes').then(data),
      getCollection('activities').then(data),
      getCollection('places').then(data),
      getCollection('outlets').then(data),
      getCollection('columns').then(data),
      getCollection('figures').then(data),
      getCollection('goodDeeds').then(data),
      getCollection('opinions').then(data),
      getCollection('events').then(data),
      getCollection('placements').then(data),
      getCollection('stories').then(data),
    ]);
  themes.sort((a, b) => a.phase - b.phase);
  activities.sort(byOrder);
  places.sort(byOrder);
  columns.sort(byOrder);
  const levelRank = (level: string) => OUTLET_LEVELS.findIndex((entry) => entry.key === level);
  outlets.sort((a, b) => levelRank(a.level) - levelRank(b.level) || a.name.localeCompare(b.name, 'zh-CN'));
  figures.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  goodDeeds.sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title, 'zh-CN'));
  events.sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  placements.sort((a, b) => b.date.localeCompare(a.date));
  // Newest first; the documentId breaks ties so the order is the same on every build.
  stories.sort((a, b) => Date.parse(b.date) - Date.parse(a.date) || a.documentId.localeCompare(b.documentId));

  const index = <T extends { documentId: string }>(records: T[]) =>
    new Map(records.map((record) => [record.documentId, record] as const));
  const maps = {
    themes: index(themes),
    activities: index(activities),
    places: index(places),
    outlets: index(outlets),
    columns: index(columns),
    figures: index(figures),
    opinions: index(opinions),
    events: index(events),
    stories: index(stories),
  };
  const clauses = new Map<string, { clause: ClauseData; opinion: OpinionData }>();
  const clausesByOpinion = new Map<string, ClauseData[]>();
  for (const opinion of opinions) {
    const ordered = [...opinion.clauses].sort(byOrder);
    clausesByOpinion.set(opinion.documentId, ordered);
    for (const clause of ordered) clauses.set(clause.documentId, { clause, opinion });
  }
  // Placements of stories not held (withdrawn since) are not shown.
  const heldPlacements = placements.filter((placement) => maps.stories.has(placement.storyId));

  const group = (key: (story: StoryData) => Array<string | null>) => {
    const groups = new Map<string, StoryData[]>();
    for (const story of stories) {
      for (const id of key(story)) {
        if (id === null) continue;
        const list = groups.get(id);
        if (list) list.push(story);
        else groups.set(id, [story]);
      }
    }
    return (id: string) => groups.get(id) ?? [];
  };
  const placementsByStory = new Map<string, PlacementData[]>();
  for (const placement of heldPlacements) {
    const list = placementsByStory.get(placement.storyId);
    if (list) list.push(placement);
    else placementsByStory.set(placement.storyId, [placement]);
  }

  const storiesOfColumn = group((story) => story.columnIds);
  const storiesOfTheme = group((story) => [story.themeId]);
  const storiesOfActivity = group((story) => story.activityIds);
  const storiesOfPlace = group((story) => story.placeIds);
  const storiesOfFigure = group((story) => story.figureIds);
  const storiesOfClause = group((story) => story.clauseIds);
  /** An outlet's stories: those it originated and those it carried (上稿). */
  const storiesOfOutlet = group((story) => [
    story.outletId,
    ...(placementsByStory.get(story.documentId) ?? []).map((placement) => placement.outletId),
  ]);

  const pick = <T>(map: Map<string, T>, ids: Array<string | null>): T[] =>
    ids.flatMap((id) => (id === null ? [] : map.get(id) ?? []));

  function related(story: StoryData, limit = 5): StoryData[] {
    const scores = new Map<string, number>();
    const add = (others: StoryData[], weight: number) => {
      for (const other of others) {
        if (other.documentId === story.documentId) continue;
        scores.set(other.documentId, (scores.get(other.documentId) ?? 0) + weight);
      }
    };
    for (const id of story.clauseIds) add(storiesOfClause(id), 4);
    for (const id of story.figureIds) add(storiesOfFigure(id), 4);
    if (story.eventId) add(stories.filter((other) => other.eventId === story.eventId), 3);
    for (const id of story.columnIds) add(storiesOfColumn(id), 1);
    if (story.themeId) add(storiesOfTheme(story.themeId), 1);
    for (const id of story.activityIds) add(storiesOfActivity(id), 1);
    return [...scores]
      .sort((a, b) => b[1] - a[1] || Date.parse(maps.stories.get(b[0])!.date) - Date.parse(maps.stories.get(a[0])!.date))
      .slice(0, limit)
      .map(([id]) => maps.stories.get(id)!);
  }

  /** The stories before and after this one in its first column, by date. */
  function neighbours(story: StoryData): { column: ColumnData | null; previous: StoryData | null; next: StoryData | null } {
    const column = pick(maps.columns, story.columnIds)[0] ?? null;
    if (column === null) return { column, previous: null, next: null };
    const list = storiesOfColumn(column.documentId);
    const at = list.findIndex((other) => other.documentId === story.documentId);
    // The list is newest first: the previous story is the older one.
    return { column, previous: list[at + 1] ?? null, next: list[at - 1] ?? null };
  }

  /** The phase an event belongs to: its theme's, or the plan's phase for its date. */
  function phaseOfEvent(event: EventData): { key: string; label: string; order: number } {
    const theme = (event.themeId && maps.themes.get(event.themeId)) || null;
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

  // Coverage: the plan's headline goal, every central and provincial outlet carrying the campaign.
  const reached = new Set<string>();
  for (const placement of heldPlacements) reached.add(placement.outletId);
  for (const story of stories) if (story.outletId) reached.add(story.outletId);
  const coverage = (['central', 'provincial'] as const).map((level) => {
    const atLevel = outlets.filter((outlet) => outlet.level === level);
    const carried = atLevel.filter((outlet) => reached.has(outlet.documentId));
    return { level, name: nameOf(OUTLET_LEVELS, level), outlets: atLevel, carried, missing: atLevel.filter((o) => !reached.has(o.documentId)) };
  });

  return {
    campaign: CAMPAIGN,
    themes,
    activities,
    places,
    outlets,
    columns,
    figures,
    goodDeeds,
    opinions,
    events,
    placements: heldPlacements,
    stories,
    maps,
    clauses,
    /** An opinion's clauses in the order of the document. */
    clausesOf: (opinion: OpinionData) => clausesByOpinion.get(opinion.documentId) ?? [],
    pick,
    storiesOfColumn,
    storiesOfTheme,
    storiesOfActivity,
    storiesOfPlace,
    storiesOfFigure,
    storiesOfClause,
    storiesOfOutlet,
    placementsOf: (story: StoryData) => placementsByStory.get(story.documentId) ?? [],
    goodDeedsOf: (figure: FigureData) => goodDeeds.filter((deed) => deed.figureId === figure.documentId),
    storiesOfMonth: (month: string) => stories.filter((story) => monthOf(story.date) === month),
    months: [...new Set(stories.map((story) => monthOf(story.date)))].sort().reverse(),
    related,
    neighbours,
    phaseOfEvent,
    coverage,
    reached,
  };
}

/** The month archive of an instant, 'YYYY-MM' in Shanghai. */
export const monthOf = (instant: string) => monthKey(instant);

export const kindName = (kind: string) => nameOf(STORY_KINDS, kind);
export const eventKindName = (kind: string) => nameOf(EVENT_KINDS, kind);
export const MEDIA_KINDS = new Set(['video', 'h5', 'live', 'audio']);
