/**
 * Every URL of the site in one place: `paths` names each page and file by its site path
 * (inside the site, whatever path SITE_URL gives it); `href` and `absoluteUrl` make what a
 * page or feed carries from a site path, under SITE_URL's path (the shared SiteAddress).
 */
import {
  DEFAULT_SUBMIT_URL,
  LIKE_ENDPOINT,
  LIKES_ENDPOINT,
  LECTURE_ENDPOINT,
  LIVE_QUESTION_ENDPOINT,
  PUBLIC_PATHS,
  QUIZ_ENDPOINT,
  SiteAddress,
  THANKS_PATH,
  type ParticipationForm,
} from '@campaign-desk/shared';

type Slugged = { slug: string };

/** The groupings with a listing and a feed each (see groupings.ts). */
export type FeedKind = 'columns' | 'themes' | 'activities' | 'outlets' | 'places' | 'kinds';

const listing = (kind: FeedKind, item: Slugged) => `/${kind}/${item.slug}/`;

export const paths = {
  home: '/',
  story: PUBLIC_PATHS.story,
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
  opinion: PUBLIC_PATHS.opinion,
  clause: PUBLIC_PATHS.clause,
  quiz: PUBLIC_PATHS.quiz,
  quizPoster: PUBLIC_PATHS.quizPoster,
  /** 宣讲点单: the 宣讲菜单, and one page per topic with its booking form. */
  lectures: '/xuanjiang/',
  lectureTopic: (topic: Slugged) => `/xuanjiang/${topic.slug}/`,
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
  /** A part of the sitemap listing story pages (views/site-files.ts). */
  sitemapStories: (part: string) => `/sitemap-stories-${part}.xml`,
  feed: (kind: FeedKind, item: Slugged) => `/feeds/${kind}/${item.slug}.xml`,
  /** 重点报道. */
  featuredFeed: '/feeds/featured.xml',
  goodDeedsFeed: '/feeds/good-deeds.xml',
  /** 听新闻: the audio stories as a podcast. */
  podcast: '/feeds/podcast.xml',
  /** 图文直播: the page, the entries the page's script fetches while it is on, the partners' feed and the embeddable page. */
  live: (live: Slugged) => `/lives/${live.slug}/`,
  liveEntries: (live: Slugged) => `/lives/${live.slug}/entries.json`,
  liveFeed: (live: Slugged) => `/lives/${live.slug}/feed.xml`,
  liveEmbed: (live: Slugged) => `/lives/${live.slug}/embed/`,
  /** An entry where its live's page shows it. */
  liveEntryAnchor: (entry: { documentId: string }) => `entry-${entry.documentId}`,
};

let address: SiteAddress | undefined;

/** The site's address: SITE_URL as the compile was given it (astro.config.ts). */
export function siteAddress(): SiteAddress {
  return (address ??= new SiteAddress(import.meta.env.SITE ?? 'http://127.0.0.1:4321/'));
}

/** A site path as pages link it, under the site's path: `/stories/a/` → `/zt/liuda/stories/a/`. */
export function href(sitePath: string): string {
  return siteAddress().path(sitePath);
}

/** A site path as an absolute URL (feeds, canonical and share URLs, the sitemap). */
export function absoluteUrl(sitePath: string): string {
  return siteAddress().url(sitePath);
}

/**
 * Where a form posts: the CMS's public participation route, fixed when the site is compiled
 * (CAMPAIGN_DESK_SUBMIT_URL, see astro.config.mjs), `/<form>` for a submission,
 * `/challenge` for the proof-of-work widget, `/quiz/<slug>` for a quiz's answers, `/like/<kind>/<id>`
 * for a like and `/likes` for every count.
 */
export function submitUrl(
  endpoint:
    | ParticipationForm
    | 'challenge'
    | `${typeof QUIZ_ENDPOINT}/${string}`
    | `${typeof LIVE_QUESTION_ENDPOINT}/${string}`
    | `${typeof LIKE_ENDPOINT}/${string}`
    | `${typeof LECTURE_ENDPOINT}/${string}`
    | typeof LIKES_ENDPOINT,
): string {
  const base = import.meta.env.CAMPAIGN_DESK_SUBMIT_URL || DEFAULT_SUBMIT_URL;
  return `${base.replace(/\/+$/, '')}/${endpoint}`;
}
