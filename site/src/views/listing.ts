/**
 * The paginated listings: one per grouping (theme, activity, column, outlet, place) and one
 * per month of the archive. Pages are stable chunks (see chunks.ts).
 */
import { formatChineseDate, formatChineseMonth, shanghaiDate, type Story } from '@campaign-desk/shared';
import type { Campaign } from '../lib/campaign';
import { GROUPINGS, feedRef, type Grouping, type IntroLine } from '../lib/groupings';
import { paths } from '../lib/paths';
import { chunkNav, chunkParam, chunkPaths, chunkRange, touchedChunks, type ChunkNav } from './chunks';
import { sidesOf, type PageFamily, type RecordChange } from './page-family';
import { cardsOf, pictureOf, type Card, type Picture } from './parts';

export type ListingView = {
  kicker: string;
  /** The listing's name; a chunk page adds its dates. */
  title: string;
  /** What the listing is about is a sample (an invented outlet). */
  sample: boolean;
  description: string | null;
  cover: Picture | null;
  lines: IntroLine[];
  cards: Card[];
  /** How many stories the listing holds (its first page only: chunk pages never change for it). */
  total: number | null;
  nav: ChunkNav;
  feed: { title: string; href: string } | null;
};

type Listing = {
  kicker: string;
  name: string;
  description: string | null;
  base: string;
  stories: Story[];
  feed: ListingView['feed'];
  sample?: boolean;
  cover?: Picture | null;
  lines?: IntroLine[];
};

/** '2020年5月3日至9日' — the dates of a chunk's stories, oldest first, a shared year and month said once. */
function dates(stories: Story[]): string {
  const from = shanghaiDate(stories.at(-1)!.date);
  const to = shanghaiDate(stories[0]!.date);
  if (from === to) return formatChineseDate(from);
  const [fromYear, fromMonth] = from.split('-').map(Number);
  const [toYear, toMonth, toDay] = to.split('-').map(Number);
  const end = toYear !== fromYear ? formatChineseDate(to) : toMonth !== fromMonth ? `${toMonth}月${toDay}日` : `${toDay}日`;
  return `${formatChineseDate(from)}至${end}`;
}

function listingView(campaign: Campaign, listing: Listing, page: string | undefined): ListingView | null {
  const total = listing.stories.length;
  const chunk = chunkParam(page, total);
  if (chunk === undefined) return null;
  const [start, end] = chunkRange(total, chunk);
  const stories = listing.stories.slice(start, end);
  return {
    kicker: listing.kicker,
    title: chunk === null ? listing.name : `${listing.name}（${dates(stories)}）`,
    sample: listing.sample ?? false,
    description: listing.description,
    cover: chunk === null ? (listing.cover ?? null) : null,
    lines: listing.lines ?? [],
    cards: cardsOf(campaign, stories),
    total: chunk === null ? total : null,
    nav: chunkNav(listing.base, total, chunk),
    feed: listing.feed,
  };
}

function groupingListing(campaign: Campaign, grouping: Grouping, slug: string): Listing | null {
  const record = grouping.find(campaign, slug);
  if (!record) return null;
  const intro = grouping.intro(campaign, record);
  return {
    kicker: grouping.kicker(record),
    name: record.name,
    description: grouping.description(record),
    base: paths.listing(grouping.kind, record),
    stories: grouping.stories(campaign, record),
    feed: feedRef(grouping, record),
    cover: intro.cover ? pictureOf(campaign, intro.cover, [360, 720, 1080]) : null,
    lines: intro.lines,
    sample: record.sample === true,
  };
}

/** The pages of the listing at `base` (its stories in each campaign: `listOf`) a change of stories may touch. */
function touchedListing(change: RecordChange, base: string, listOf: (campaign: Campaign) => Story[]): string[] {
  const before = listOf(change.before);
  const after = listOf(change.after);
  const sides: Array<{ at: number; total: number }> = [];
  for (const [list, story] of change.stories.flatMap(({ was, is }) => [[before, was] as const, [after, is] as const])) {
    const at = story ? list.findIndex((listed) => listed.documentId === story.documentId) : -1;
    if (at >= 0) sides.push({ at, total: list.length });
  }
  return sides.length === 0 ? [] : touchedChunks(base, sides, [before.length, after.length]);
}

type GroupingParams = { kind: string; slug: string; page?: string };

export const groupingListings: PageFamily<GroupingParams, ListingView> = {
  pages: (campaign) =>
    GROUPINGS.flatMap((grouping) =>
      grouping.records(campaign).flatMap((record) =>
        chunkPaths(paths.listing(grouping.kind, record), grouping.stories(campaign, record).length).map(({ path, page }) => ({
          path,
          params: { kind: grouping.kind, slug: record.slug, page },
        })),
      ),
    ),
  view: (campaign, { kind, slug, page }) => {
    const grouping = GROUPINGS.find((candidate) => candidate.kind === kind);
    const listing = grouping ? groupingListing(campaign, grouping, slug) : null;
    return listing && listingView(campaign, listing, page);
  },
  touchedBy: (change) =>
    GROUPINGS.flatMap((grouping) => {
      const slugs = new Set(sidesOf(change).flatMap(({ campaign, story }) => grouping.of(campaign, story).map((record) => record.slug)));
      const listOf = (slug: string) => (campaign: Campaign) => {
        const record = grouping.find(campaign, slug);
        return record ? grouping.stories(campaign, record) : [];
      };
      return [...slugs].flatMap((slug) => {
        const record = grouping.find(change.after, slug);
        return record ? touchedListing(change, paths.listing(grouping.kind, record), listOf(slug)) : [];
      });
    }),
};

type MonthParams = { month: string; page?: string };

export const monthListings: PageFamily<MonthParams, ListingView> = {
  pages: (campaign) =>
    campaign.stories.months.flatMap((month) =>
      chunkPaths(paths.month(month), campaign.stories.of('month', month).length).map(({ path, page }) => ({
        path,
        params: { month, page },
      })),
    ),
  view: (campaign, { month, page }) => {
    const stories = campaign.stories.of('month', month);
    if (stories.length === 0) return null;
    const listing: Listing = {
      kicker: '按月归档',
      name: formatChineseMonth(month),
      description: null,
      base: paths.month(month),
      stories,
      feed: null,
    };
    return listingView(campaign, listing, page);
  },
  touchedBy: (change) =>
    [...new Set(sidesOf(change).map(({ campaign, story }) => campaign.stories.monthOf(story)))].flatMap((month) =>
      touchedListing(change, paths.month(month), (campaign) => campaign.stories.of('month', month)),
    ),
};
