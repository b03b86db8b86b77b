/** Every URL of the site in one place: pages, feeds and the absolute form of both. */
export const PAGE_SIZE = 20;

type Slugged = { slug: string };

/** The groupings with a listing and a feed each (see groupings.ts). */
export type FeedKind = 'columns' | 'themes' | 'activities' | 'outlets' | 'places';

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
  figure: (figure: Slugged) => `/figures/${figure.slug}/`,
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
};

/** The site's address (SITE_URL), with a trailing slash. */
export function siteUrl(): URL {
  return new URL(import.meta.env.SITE ?? 'http://127.0.0.1:4321/');
}

export function absoluteUrl(path: string): string {
  return new URL(path, siteUrl()).href;
}
