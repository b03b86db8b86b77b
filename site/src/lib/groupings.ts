/**
 * The groupings of stories a reader browses and a partner subscribes to: theme, activity,
 * column, outlet, place and story kind (评论, 解读, 视频…). Each has a paginated listing (`/<kind>/<slug>/`) and an RSS
 * feed (`/feeds/<kind>/<slug>.xml`); every label, path and title of a grouping is derived
 * from this table, so the listing, its feed, the feed directory and a story's feed links
 * always say the same thing.
 */
import {
  OUTLET_LEVELS,
  OUTLET_MEDIA,
  THEMES,
  nameOf,
  type Activity,
  type Column,
  type Image,
  type Outlet,
  type Place,
  type Story,
  type Theme,
} from '@campaign-desk/shared';
import { pick, type Campaign, type KindRecord } from './campaign';
import { paths, type FeedKind } from './paths';
import { SITE_NAME } from './site';

/** A line under a listing's title: plain, or a link. */
export type IntroLine = { text: string; href?: string };

/** Under a listing's title: the grouping's cover (first page only) and these lines. */
export type Intro = { cover: Image | null; lines: IntroLine[] };

/** What every grouped record has: a listing and a feed under its slug (and, for an outlet, whether it is a sample). */
export type Grouped = { documentId: string; slug: string; name: string; updatedAt: string; sample?: boolean };

export interface Grouping<R extends Grouped = Grouped> {
  kind: FeedKind;
  /** What one such grouping is called: 专栏, 主题… */
  label: string;
  records(campaign: Campaign): R[];
  /** The record a listing or feed URL names by its slug. */
  find(campaign: Campaign, slug: string): R | undefined;
  /** Newest first. */
  stories(campaign: Campaign, record: R): Story[];
  /** The records a story is listed under (the reverse of `stories`). */
  of(campaign: Campaign, story: Story): R[];
  /** Above the title of the listing. */
  kicker(record: R): string;
  /** Under the title of the listing, and the page's description. */
  description(record: R): string | null;
  /** The feed's <description>: what a subscriber gets. */
  feedDescription(record: R): string;
  intro(campaign: Campaign, record: R): Intro;
}

const noIntro = (): Intro => ({ cover: null, lines: [] });

const themes: Grouping<Theme> = {
  kind: 'themes',
  label: '主题',
  records: (c) => c.records.themes,
  find: (c, slug) => c.records.bySlug.themes.get(slug),
  stories: (c, theme) => c.stories.of('theme', theme.documentId),
  of: (c, story) => pick(c.records.byId.themes, [story.themeId]),
  kicker: (theme) => {
    const window = THEMES.find((entry) => entry.slug === theme.slug)?.windowLabel;
    return `主题 · 第${theme.phase}阶段${window ? `（${window}）` : ''}`;
  },
  description: (theme) => theme.description,
  feedDescription: (theme) => `第${theme.phase}阶段主题“${theme.name}”的稿件`,
  intro: noIntro,
};

const activities: Grouping<Activity> = {
  kind: 'activities',
  label: '“六大”活动',
  records: (c) => c.records.activities,
  find: (c, slug) => c.records.bySlug.activities.get(slug),
  stories: (c, activity) => c.stories.of('activity', activity.documentId),
  of: (c, story) => pick(c.records.byId.activities, story.activityIds),
  kicker: () => '“六大”活动',
  description: (activity) => activity.description,
  feedDescription: (activity) => `标为“${activity.name}”的稿件`,
  intro: noIntro,
};

const columns: Grouping<Column> = {
  kind: 'columns',
  label: '专栏',
  records: (c) => c.records.columns,
  find: (c, slug) => c.records.bySlug.columns.get(slug),
  stories: (c, column) => c.stories.of('column', column.documentId),
  of: (c, story) => pick(c.records.byId.columns, story.columnIds),
  kicker: () => '专栏',
  description: (column) => column.description,
  feedDescription: (column) => column.description ?? `专栏“${column.name}”的稿件`,
  intro: (c, column) => {
    const outlets = pick(c.records.byId.outlets, column.outletIds);
    return {
      cover: column.cover,
      lines: outlets.length > 0 ? [{ text: `开设媒体：${outlets.map((outlet) => outlet.name).join('、')}` }] : [],
    };
  },
};

const outlets: Grouping<Outlet> = {
  kind: 'outlets',
  label: '媒体',
  records: (c) => c.records.outlets,
  find: (c, slug) => c.records.bySlug.outlets.get(slug),
  stories: (c, outlet) => c.stories.of('outlet', outlet.documentId),
  // Those it originated and those it carried (上稿), as the stories index lists them.
  of: (c, story) =>
    pick(c.records.byId.outlets, [story.outletId, ...c.placements.of(story.documentId).map((placement) => placement.outletId)]),
  kicker: () => '媒体',
  description: (outlet) =>
    `${nameOf(OUTLET_LEVELS, outlet.level)}${nameOf(OUTLET_MEDIA, outlet.medium)}。本页列出该媒体首发或刊播（上稿）的“六大”活动稿件。`,
  feedDescription: (outlet) => `${outlet.name}首发或刊播的稿件`,
  intro: (_c, outlet) => ({
    cover: null,
    lines: outlet.homepage ? [{ text: `${outlet.name}网站`, href: outlet.homepage }] : [],
  }),
};

const places: Grouping<Place> = {
  kind: 'places',
  label: '地区',
  records: (c) => c.records.places,
  find: (c, slug) => c.records.bySlug.places.get(slug),
  stories: (c, place) => c.stories.of('place', place.documentId),
  of: (c, story) => pick(c.records.byId.places, story.placeIds),
  kicker: () => '地区',
  description: () => null,
  feedDescription: (place) => `涉及${place.name}的稿件`,
  intro: noIntro,
};

/** The kinds of the taxonomy (shared/src/taxonomy.ts), one listing and feed each, empty or not. */
const kinds: Grouping<KindRecord> = {
  kind: 'kinds',
  label: '稿件类型',
  records: (c) => c.records.kinds,
  find: (c, slug) => c.records.bySlug.kinds.get(slug),
  stories: (c, kind) => c.stories.of('kind', kind.slug),
  of: (c, story) => c.records.kinds.filter((kind) => kind.slug === story.kind),
  kicker: () => '稿件类型',
  description: () => null,
  feedDescription: (kind) => `${kind.name}类稿件`,
  intro: noIntro,
};

/** Each grouping by kind, typed by the records it groups. */
export const GROUPING = { columns, themes, activities, outlets, places, kinds } as const satisfies Record<FeedKind, unknown>;

/** Every grouping, in the order the feed directory lists them. */
export const GROUPINGS: readonly Grouping[] = Object.values(GROUPING);

/** “专栏：接力唐光友，为民做好事” — a grouped record by its grouping, on pages and in feeds alike. */
export function titleOf(grouping: Grouping, record: Grouped): string {
  return `${grouping.label}：${record.name}`;
}

/** The <title> of a grouping's feed channel. */
export function channelTitle(grouping: Grouping, record: Grouped): string {
  return `${SITE_NAME} · ${titleOf(grouping, record)}`;
}

/** A page's <link rel="alternate"> to a grouping's feed. */
export function feedRef(grouping: Grouping, record: Grouped): { title: string; href: string } {
  return { title: titleOf(grouping, record), href: paths.feed(grouping.kind, record) };
}
