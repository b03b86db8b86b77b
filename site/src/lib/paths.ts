/** Every URL of the site in one place: pages, feeds and the absolute form of both. */
export const PAGE_SIZE = 20;

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

export function absoluteUrl(path: string): string {
  return new URL(path, siteUrl()).href;
}
