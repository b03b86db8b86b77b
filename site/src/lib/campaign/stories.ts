/**
 * The stories: newest first, by id and slug, and in every grouping a page lists them by
 * (column, theme, activity, place, figure, clause, event, kind, outlet, month, 重点), each
 * grouping newest first; a story's related stories and neighbours in bounded work.
 */
import { monthKey, type Column, type Story } from '@campaign-desk/shared';
import type { RecordSet } from '../../snapshot/record-set';
import type { PlacementIndex } from './placements';
import { pick, type RecordIndex } from './records';

export type StoryIndex = ReturnType<typeof indexStories>;

/** What stories are grouped by; `featured` has one group (key ''). */
export type StoryGrouping =
  | 'column'
  | 'theme'
  | 'activity'
  | 'place'
  | 'figure'
  | 'clause'
  | 'event'
  | 'kind'
  | 'outlet'
  | 'month'
  | 'featured';

/** How many related stories a story page lists. */
const RELATED = 5;

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

const groupKey = (grouping: StoryGrouping, id: string) => `${grouping}:${id}`;

export function indexStories(records: RecordSet, placements: PlacementIndex, taxonomy: RecordIndex) {
  // Newest first; the documentId breaks ties so the order is the same on every build.
  const all = records.all('story').sort((a, b) => factsOf(b).time - factsOf(a).time || a.documentId.localeCompare(b.documentId));
  const byId = new Map(all.map((story) => [story.documentId, story] as const));
  const bySlug = new Map(all.map((story) => [story.slug, story] as const));

  // One pass over the stories fills every grouping, in their newest-first order.
  const groups = new StoryGroups();
  for (const story of all) {
    const add = (grouping: StoryGrouping, id: string) => groups.add(groupKey(grouping, id), story);
    for (const id of story.columnIds) add('column', id);
    if (story.themeId) add('theme', story.themeId);
    for (const id of story.activityIds) add('activity', id);
    for (const id of story.placeIds) add('place', id);
    for (const id of story.figureIds) add('figure', id);
    for (const id of story.clauseIds) add('clause', id);
    if (story.eventId) add('event', story.eventId);
    add('kind', story.kind);
    if (story.featured) add('featured', '');
    // An outlet's stories: those it originated and those it carried (上稿).
    const outletIds = new Set([story.outletId, ...placements.of(story.documentId).map((placement) => placement.outletId)]);
    for (const id of outletIds) if (id) add('outlet', id);
    add('month', factsOf(story).month);
  }
  const months = [...groups.keys()]
    .filter((key) => key.startsWith('month:'))
    .map((key) => key.slice('month:'.length))
    .sort()
    .reverse();

  /** The lists a story's related stories are taken from, strongest tie first (its first column's gives its neighbours too). */
  const relatedKeys = (story: Story): string[] => [
    ...story.clauseIds.map((id) => groupKey('clause', id)),
    ...story.figureIds.map((id) => groupKey('figure', id)),
    ...(story.eventId ? [groupKey('event', story.eventId)] : []),
    ...story.columnIds.map((id) => groupKey('column', id)),
    ...(story.themeId ? [groupKey('theme', story.themeId)] : []),
    ...story.activityIds.map((id) => groupKey('activity', id)),
  ];

  /**
   * The stories nearest to this one in what it shares with them, strongest tie first (the
   * clause it interprets, its figures, its event, its columns, its theme, its activities),
   * each list looked into no further than RELATED places either side: bounded work per page,
   * and a story shows only stories within that distance of it (see `nearby`).
   */
  function related(story: Story): Story[] {
    const found = new Map<string, Story>();
    for (const key of relatedKeys(story)) {
      const list = groups.of(key);
      const at = groups.positionIn(key, story.documentId);
      for (let distance = 1; distance <= RELATED && found.size < RELATED; distance += 1) {
        // The nearer older story first, then the nearer newer one.
        for (const other of [list[at + distance], list[at - distance]]) {
          if (other && found.size < RELATED) found.set(other.documentId, other);
        }
      }
      if (found.size >= RELATED) break;
    }
    return [...found.values()];
  }

  /**
   * The stories whose page may show this one, as a related story or a neighbour: those
   * within RELATED places of it in the lists `related` reads. A change of this story
   * touches no other story's page.
   */
  function nearby(story: Story): Story[] {
    const found = new Map<string, Story>();
    for (const key of relatedKeys(story)) {
      const list = groups.of(key);
      const at = groups.positionIn(key, story.documentId);
      for (const other of list.slice(Math.max(0, at - RELATED), at + RELATED + 1)) found.set(other.documentId, other);
    }
    found.delete(story.documentId);
    return [...found.values()];
  }

  /** The stories before and after this one in its first column, by date. */
  function neighbours(story: Story): { column: Column | null; previous: Story | null; next: Story | null } {
    const column = pick(taxonomy.byId.columns, story.columnIds)[0] ?? null;
    if (column === null) return { column, previous: null, next: null };
    const key = groupKey('column', column.documentId);
    const list = groups.of(key);
    const at = groups.positionIn(key, story.documentId);
    // The list is newest first: the previous story is the older one.
    return { column, previous: list[at + 1] ?? null, next: list[at - 1] ?? null };
  }

  return {
    /** Every story, newest first. */
    all,
    byId,
    bySlug,
    /** The stories of one grouping, newest first (`of('featured')`: 重点报道). */
    of: (grouping: StoryGrouping, id = '') => groups.of(groupKey(grouping, id)),
    /** The months that have stories, newest first (`2020-06`). */
    months,
    monthOf: (story: Story) => factsOf(story).month,
    related,
    neighbours,
    nearby,
  };
}
