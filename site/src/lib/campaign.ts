/**
 * The campaign as pages see it: the records indexed once per sync, relations resolved (ids
 * of records not held, e.g. withdrawn since, are ignored), stories newest first, and every
 * lookup a page makes answered in O(1) or O(k), never by scanning the archive.
 */
import {
  CAMPAIGN,
  EVENT_KINDS,
  OUTLET_LEVELS,
  STORY_KINDS,
  campaignPhaseAt,
  monthKey,
  nameOf,
  themeOfDate,
  type Activity,
  type CampaignEvent,
  type Clause,
  type Column,
  type Figure,
  type GoodDeed,
  type Opinion,
  type Outlet,
  type Place,
  type Placement,
  type Story,
  type Suggestion,
  type Theme,
} from '@campaign-desk/shared';
import type { MediaEntry } from '../snapshot/media';
import type { RecordSet } from '../snapshot/record-set';


/** The local copies of an image by its URL (none in `astro dev`: pages use the CMS's copy). */
export type MediaLookup = (url: string) => MediaEntry | null;

export type IndexOptions = {
  media?: MediaLookup;
  /**
   * A preview build (the demo, the newsroom's look before launch): sample records count as
   * fact in feeds and coverage. Off, they are shown marked “示例” and nowhere else.
   */
  preview?: boolean;
};

/** A story kind as a grouping's record (see groupings.ts): its listing and feed are under its key. */
export type KindRecord = { documentId: string; slug: string; name: string; updatedAt: string };

export type Campaign = ReturnType<typeof indexCampaign>;

/** How many related stories a story page lists. */
const RELATED = 5;

const byOrder = <T extends { order: number }>(a: T, b: T) => a.order - b.order;

/** Derived per story once, and kept for as long as the record is (records are never mutated). */
const storyFacts = new WeakMap<Story, { time: number; month: string }>();
function factsOf(story: Story) {
  let facts = storyFacts.get(story);
  if (!facts) {
    facts = { time: Date.parse(story.date), month: monthKey(story.date) };
    storyFacts.set(story, facts);
  }
  return facts;
}

/** Lists of stories keyed by what groups them, newest first, each with its stories' positions. */
class StoryGroups {
  private readonly lists = new Map<string, Story[]>();
  private readonly positions = new Map<string, Map<string, number>>();

  add(key: string, story: Story): void {
    const list = this.lists.get(key);
    if (list) list.push(story);
    else this.lists.set(key, [story]);
  }

  of(key: string): Story[] {
    return this.lists.get(key) ?? [];
  }

  keys(): IterableIterator<string> {
    return this.lists.keys();
  }

  /** Where a story stands in a list, made on first use and kept for the index's life. */
  positionIn(key: string, documentId: string): number {
    let positions = this.positions.get(key);
    if (!positions) {
      positions = new Map(this.of(key).map((story, index) => [story.documentId, index]));
      this.positions.set(key, positions);
    }
    return positions.get(documentId) ?? -1;
  }
}

export function indexCampaign(records: RecordSet, now: Date, { media = () => null, preview = false }: IndexOptions = {}) {
  /** Whether a record may be told as fact: in feeds, in coverage, in what the site counts. */
  const factual = (record: { sample: boolean }) => preview || !record.sample;
  const sorted = <T>(list: T[], compare: (a: T, b: T) => number) => list.sort(compare);
  const themes = sorted(records.all('theme'), (a, b) => a.phase - b.phase);
  const activities = sorted(records.all('activity'), byOrder);
  const places = sorted(records.all('place'), byOrder);
  const columns = sorted(records.all('column'), byOrder);
  const levelRank = (level: string) => OUTLET_LEVELS.findIndex((entry) => entry.key === level);
  const outlets = sorted(records.all('outlet'), (a, b) => levelRank(a.level) - levelRank(b.level) || a.name.localeCompare(b.name, 'zh-CN'));
  const figures = sorted(records.all('figure'), (a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const goodDeeds = sorted(records.all('goodDeed'), (a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title, 'zh-CN'));
  const opinions = records.all('opinion');
  // The wall of adopted suggestions: newest reply first.
  const suggestions = sorted(
    records.all('suggestion'),
    (a, b) => b.repliedOn.localeCompare(a.repliedOn) || b.receivedOn.localeCompare(a.receivedOn) || a.documentId.localeCompare(b.documentId),
  );
  const suggestionsByTopic = new Map<string, Suggestion[]>();
  for (const suggestion of suggestions) {
    const list = suggestionsByTopic.get(suggestion.topic);
    if (list) list.push(suggestion);
    else suggestionsByTopic.set(suggestion.topic, [suggestion]);
  }
  const events = records
    .all('event')
    .map((event) => ({ event, time: Date.parse(event.startsAt) }))
    .sort((a, b) => a.time - b.time || a.event.documentId.localeCompare(b.event.documentId))
    .map(({ event }) => event);
  // Newest first; the documentId breaks ties so the order is the same on every build.
  const stories = records
    .all('story')
    .sort((a, b) => factsOf(b).time - factsOf(a).time || a.documentId.localeCompare(b.documentId));
  // The kinds change only with the templates (the taxonomy is compiled in), so they carry the plan's date.
  const kinds: KindRecord[] = STORY_KINDS.map((kind) => ({ documentId: `kind:${kind.key}`, slug: kind.key, name: kind.name, updatedAt: CAMPAIGN.planIssuedOn }));

  const index = <T extends { documentId: string }>(list: T[]) => new Map(list.map((record) => [record.documentId, record] as const));
  const bySlug = <T extends { slug: string }>(list: T[]) => new Map(list.map((record) => [record.slug, record] as const));
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
  const slugs = {
    stories: bySlug(stories),
    figures: bySlug(figures),
    opinions: bySlug(opinions),
    themes: bySlug(themes),
    activities: bySlug(activities),
    places: bySlug(places),
    outlets: bySlug(outlets),
    columns: bySlug(columns),
    kinds: bySlug(kinds),
  };

  const clauses = new Map<string, { clause: Clause; opinion: Opinion }>();
  const clausesByOpinion = new Map<string, Clause[]>();
  for (const opinion of opinions) {
    const ordered = [...opinion.clauses].sort(byOrder);
    clausesByOpinion.set(opinion.documentId, ordered);
    for (const clause of ordered) clauses.set(clause.documentId, { clause, opinion });
  }

  // Placements of stories not held (withdrawn since) are not shown.
  const placements = records
    .all('placement')
    .filter((placement) => maps.stories.has(placement.storyId))
    .sort((a, b) => b.date.localeCompare(a.date) || a.documentId.localeCompare(b.documentId));
  const placementsByStory = new Map<string, Placement[]>();
  for (const placement of placements) {
    const list = placementsByStory.get(placement.storyId);
    if (list) list.push(placement);
    else placementsByStory.set(placement.storyId, [placement]);
  }
  const goodDeedsByFigure = new Map<string, GoodDeed[]>();
  for (const deed of goodDeeds) {
    if (!deed.figureId) continue;
    const list = goodDeedsByFigure.get(deed.figureId);
    if (list) list.push(deed);
    else goodDeedsByFigure.set(deed.figureId, [deed]);
  }

  // One pass over the stories fills every grouping, in their newest-first order.
  const groups = new StoryGroups();
  for (const story of stories) {
    for (const id of story.columnIds) groups.add(`column:${id}`, story);
    if (story.themeId) groups.add(`theme:${story.themeId}`, story);
    for (const id of story.activityIds) groups.add(`activity:${id}`, story);
    for (const id of story.placeIds) groups.add(`place:${id}`, story);
    for (const id of story.figureIds) groups.add(`figure:${id}`, story);
    for (const id of story.clauseIds) groups.add(`clause:${id}`, story);
    if (story.eventId) groups.add(`event:${story.eventId}`, story);
    groups.add(`kind:${story.kind}`, story);
    if (story.featured) groups.add('featured', story);
    // An outlet's stories: those it originated and those it carried (上稿).
    const outletIds = new Set([story.outletId, ...(placementsByStory.get(story.documentId) ?? []).map((p) => p.outletId)]);
    for (const id of outletIds) if (id) groups.add(`outlet:${id}`, story);
    groups.add(`month:${factsOf(story).month}`, story);
  }
  const months = [...groups.keys()]
    .filter((key) => key.startsWith('month:'))
    .map((key) => key.slice('month:'.length))
    .sort()
    .reverse();

  const pick = <T>(map: Map<string, T>, ids: Array<string | null>): T[] => ids.flatMap((id) => (id === null ? [] : map.get(id) ?? []));

  /**
   * The stories nearest to this one in what it shares with them, strongest tie first (the
   * clause it interprets, its figures, its event, its columns, its theme, its activities):
   * bounded work per page, and a new story only joins the related lists of its neighbours.
   */
  function related(story: Story): Story[] {
    const keys = [
      ...story.clauseIds.map((id) => `clause:${id}`),
      ...story.figureIds.map((id) => `figure:${id}`),
      ...(story.eventId ? [`event:${story.eventId}`] : []),
      ...story.columnIds.map((id) => `column:${id}`),
      ...(story.themeId ? [`theme:${story.themeId}`] : []),
      ...story.activityIds.map((id) => `activity:${id}`),
    ];
    const found = new Map<string, Story>();
    for (const key of keys) {
      const list = groups.of(key);
      const at = groups.positionIn(key, story.documentId);
      for (let distance = 1; found.size < RELATED && (at - distance >= 0 || at + distance < list.length); distance += 1) {
        // The nearer older story first, then the nearer newer one.
        for (const other of [list[at + distance], list[at - distance]]) {
          if (other && found.size < RELATED) found.set(other.documentId, other);
        }
      }
      if (found.size >= RELATED) break;
    }
    return [...found.values()];
  }

  /** The stories before and after this one in its first column, by date. */
  function neighbours(story: Story): { column: Column | null; previous: Story | null; next: Story | null } {
    const column = pick(maps.columns, story.columnIds)[0] ?? null;
    if (column === null) return { column, previous: null, next: null };
    const key = `column:${column.documentId}`;
    const list = groups.of(key);
    const at = groups.positionIn(key, story.documentId);
    // The list is newest first: the previous story is the older one.
    return { column, previous: list[at + 1] ?? null, next: list[at - 1] ?? null };
  }

  /** The phase an event belongs to: its theme's, or the plan's phase for its date. */
  function phaseOfEvent(event: CampaignEvent): { key: string; label: string; order: number } {
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
  // Only a placement counts (the snapshot holds verified ones only), and only one that is fact:
  // a real placement of a real story in a real outlet.
  const counted = placements.filter((placement) => {
    const outlet = maps.outlets.get(placement.outletId);
    return outlet !== undefined && factual(placement) && factual(maps.stories.get(placement.storyId)!) && factual(outlet);
  });
  const placedIn = new Map<string, number>();
  for (const placement of counted) placedIn.set(placement.outletId, (placedIn.get(placement.outletId) ?? 0) + 1);
  const coverage = (['central', 'provincial'] as const).map((level) => {
    const atLevel = outlets.filter((outlet) => outlet.level === level && factual(outlet));
    const carried = atLevel.filter((outlet) => placedIn.has(outlet.documentId));
    return { level, name: nameOf(OUTLET_LEVELS, level), outlets: atLevel, carried };
  });

  /** What feeds carry of a list: all of it in a preview, what is fact otherwise. */
  const syndicated = <T extends { sample: boolean }>(list: T[]): T[] => (preview ? list : list.filter(factual));

  return {
    campaign: CAMPAIGN,
    now,
    preview,
    media,
    themes,
    activities,
    places,
    outlets,
    columns,
    figures,
    goodDeeds,
    suggestions,
    suggestionsOfTopic: (topic: string) => suggestionsByTopic.get(topic) ?? [],
    opinions,
    events,
    placements,
    stories,
    kinds,
    maps,
    slugs,
    clauses,
    /** An opinion's clauses in the order of the document. */
    clausesOf: (opinion: Opinion) => clausesByOpinion.get(opinion.documentId) ?? [],
    pick,
    storiesOfColumn: (id: string) => groups.of(`column:${id}`),
    storiesOfTheme: (id: string) => groups.of(`theme:${id}`),
    storiesOfActivity: (id: string) => groups.of(`activity:${id}`),
    storiesOfPlace: (id: string) => groups.of(`place:${id}`),
    storiesOfOutlet: (id: string) => groups.of(`outlet:${id}`),
    storiesOfFigure: (id: string) => groups.of(`figure:${id}`),
    storiesOfClause: (id: string) => groups.of(`clause:${id}`),
    storiesOfEvent: (id: string) => groups.of(`event:${id}`),
    storiesOfMonth: (month: string) => groups.of(`month:${month}`),
    storiesOfKind: (kind: string) => groups.of(`kind:${kind}`),
    /** 重点报道, newest first. */
    featuredStories: () => groups.of('featured'),
    months,
    monthOf: (story: Story) => factsOf(story).month,
    placementsOf: (story: Story) => placementsByStory.get(story.documentId) ?? [],
    goodDeedsOf: (figure: Figure) => goodDeedsByFigure.get(figure.documentId) ?? [],
    related,
    neighbours,
    phaseOfEvent,
    coverage,
    /** The placements coverage counts (fact, or any in a preview), newest first. */
    counted,
    /** How many counted placements each outlet has, by documentId. */
    placedIn,
    factual,
    syndicated,
  };
}

/** The build's "now": CAMPAIGN_DESK_NOW pins it (tests, previews of a past day). */
export function buildNow(): Date {
  const pinned = process.env.CAMPAIGN_DESK_NOW;
  return pinned ? new Date(pinned) : new Date();
}

export const kindName = (kind: string) => nameOf(STORY_KINDS, kind);
export const eventKindName = (kind: string) => nameOf(EVENT_KINDS, kind);
export const MEDIA_KINDS = new Set(['video', 'h5', 'live', 'audio']);
