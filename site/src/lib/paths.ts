/** Every URL of the site in one place: pages, feeds and the absolute form of both. */
import { DEFAULT_SUBMIT_URL, THANKS_PATH, type ParticipationForm } from '@campaign-desk/shared';

type Slugged = { slug: string };

/** The groupings with a listing and a feed each (see groupings.ts). */
export type FeedKind = 'columns' | 'themes' | 'activities' | 'outlets' | 'places' | 'kinds';

const listing = (kind: FeedKind, item: Slugged) => `/${kind}/${item.slug}/`;

export const paths = {
  home: '/',
  story: (story: Slugged) => `/stories/${story.slug}/`,
  /** A grouping's listing; page n is at `${listing}${n}/`. */
  listing,
  theme: (theme: Slugged) => listing('themes', theme),
  activity: (activity: Slugged) => listing('activities', activity),
  column: (column: Slugged) => listing('columns', column),
  outlet: (outlet: Slugged) => listing('outlets', outlet),
  place: (place: Slugged) => listing('places', place),
  /** A story kind's listing, by its key (`/kinds/video/`). */
  kind: (kind: string) => listing('kinds', { slug: kind }),
  figure: (figure: Slugged) => `/figures/${figure.slug}/`,
  /** A good deed among its figure's (the figure page lists them). */
  goodDeed: (figure: Slugged, deed: { documentId: string }) => `/figures/${figure.slug}/#${paths.deedAnchor(deed)}`,
  /** The id of a good deed where a page lists it. */
  deedAnchor: (deed: { documentId: string }) => `deed-${deed.documentId}`,
  /** The relay of good deeds (接力唐光友，为民做好事) on the home page. */
  relay: '/#tang',
  opinion: (opinion: Slugged) => `/opinions/${opinion.slug}/`,
  clause: (opinion: Slugged, clause: { documentId: string }) => `/opinions/${opinion.slug}/#clause-${clause.documentId}`,
  event: (event: Slugged) => `/events/#${event.slug}`,
  month: (month: string) => `/archive/${month}/`,
  figures: '/figures/',
  columns: '/columns/',
  places: '/places/',
  events: '/events/',
  archive: '/archive/',
  search: '/search/',
  feeds: '/feeds/',
  coverage: '/coverage/',
  /** 建言献策: the form and the wall of adopted suggestions. */
  suggestions: '/jianyan/',
  /** The relay of good deeds, and the form to report one. */
  goodDeeds: '/goodDeeds/',
  /** Where the CMS sends a plain form post (no JavaScript) that it took. */
  thanks: THANKS_PATH,
  calendar: '/events.ics',
  opml: '/feeds.opml',
  rss: '/rss.xml',
  jsonFeed: '/feed.json',
  sitemap: '/sitemap-index.xml',
  sitemapUrls: '/sitemap-0.xml',
  feed: (kind: FeedKind, item: Slugged) => `/feeds/${kind}/${item.slug}.xml`,
  /** 重点报道. */
  featuredFeed: '/feeds/featured.xml',
  goodDeedsFeed: '/feeds/good-deeds.xml',
};

/** The site's address (SITE_URL), with a trailing slash. */
export function siteUrl(): URL {
  return new URL(import.meta.env.SITE ?? 'http://127.0.0.1:4321/');
}

/**
 * Where a form posts: the CMS's public participation route, fixed when the site is compiled
 * (CAMPAIGN_DESK_SUBMIT_URL, see astro.config.mjs), `/<form>` for a submission and
 * `/challenge` for the proof-of-work widget.
 */
export function submitUrl(endpoint: ParticipationForm | 'challenge'): string {
  const base = import.meta.env.CAMPAIGN_DESK_SUBMIT_URL || DEFAULT_SUBMIT_URL;
  return `${base.replace(/\/+$/, '')}/${endpoint}`;
}

export function absoluteUrl(path: string): string {
  return new URL(path, siteUrl()).href;
}
