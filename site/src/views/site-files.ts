/** The site's own files: the calendar, robots.txt, the sitemap, and the search and 404 pages. */
import { CAMPAIGN, type CampaignEvent } from '@campaign-desk/shared';
import type { Campaign } from '../lib/campaign';
import { eventKindName } from '../lib/campaign';
import type { CalendarEvent } from '../lib/ics';
import { SAMPLE_DATE_NOTE, SAMPLE_PREFIX } from '../lib/site';
import { absoluteUrl, href, paths, siteAddress } from '../lib/paths';
import { directTargets, searchPaths } from '../lib/search';
import { searchShards } from '../lib/search-shards';
import { sidesOf, single, type PageFamily, type Params } from './page-family';

/** A calendar shows an event by its summary alone: what is invented or a placeholder is said there. */
function calendarTitle(event: CampaignEvent): string {
  const title = event.sample && !event.title.startsWith(SAMPLE_PREFIX) ? `${SAMPLE_PREFIX}${event.title}` : event.title;
  return event.sampleDate ? `${title}（${SAMPLE_DATE_NOTE}）` : title;
}

export const calendarFile = single(paths.calendar, (campaign): { name: string; events: CalendarEvent[] } => {
  const host = siteAddress().root.hostname;
  return {
    name: `${CAMPAIGN.shortName}日程`,
    events: campaign.records.events.map((event) => {
      const place = event.placeId ? campaign.records.byId.places.get(event.placeId) : undefined;
      return {
        uid: `${event.documentId}@${host}`,
        title: calendarTitle(event),
        startsAt: event.startsAt,
        endsAt: event.endsAt,
        updatedAt: event.updatedAt,
        location: [place?.name, event.venue].filter(Boolean).join(' ') || null,
        description: event.summary,
        url: absoluteUrl(paths.event(event)),
        categories: [eventKindName(event.kind)],
      };
    }),
  };
});

/**
 * A preview is for the newsroom's eyes: search engines are asked to stay away from all of it.
 * The rules name the site's path (`/zt/liuda/`): under a portal, crawlers read only the host's
 * robots.txt, which the portal's operator merges these lines into.
 */
export const robotsFile = single('/robots.txt', (campaign) => ({
  sitemap: absoluteUrl(paths.sitemap),
  scope: href(paths.home),
  preview: campaign.preview,
}));

/** The search page: which index shards the browser merges, and the pages it links to straight away (直达). */
export const searchPage = single(paths.search, (campaign) => ({
  shards: searchShards(searchPaths(campaign)).map((shard) => shard.name),
  direct: directTargets(campaign),
}));

export const notFoundPage: PageFamily<Params, Record<string, never>> = {
  pages: () => [{ path: '/404.html', params: {} }],
  view: () => ({}),
  requestPath: () => '/404',
};

/**
 * The most story pages a part of the sitemap lists. Parts grow in number as search shards do
 * (by the hash of each page's path, see `searchShards`), so a change of a story rewrites the
 * one part that lists it, never a list of the whole archive (and no part nears the 50,000
 * URLs a urlset may hold).
 */
export const SITEMAP_PART_SIZE = 2000;

/** The parts of the story pages, made once per campaign (a sync asks for them several times). */
const partsOf = new WeakMap<Campaign, Array<{ name: string; records: Array<{ url: string }> }>>();
function storyParts(campaign: Campaign) {
  let parts = partsOf.get(campaign);
  if (!parts) {
    parts = searchShards(
      campaign.stories.all.map((story) => ({ url: paths.story(story) })),
      SITEMAP_PART_SIZE,
      0,
    );
    partsOf.set(campaign, parts);
  }
  return parts;
}

/** The sitemap's index: the urlset of the other pages, then each part of the story pages. */
export const sitemapIndex = single(paths.sitemap, (campaign) => ({
  sitemaps: [paths.sitemapUrls, ...storyParts(campaign).map((part) => paths.sitemapStories(part.name))].map((path) => absoluteUrl(path)),
}));

/**
 * The urlset of every page a reader may land on but the stories'. Its view is the list of
 * paths, which the page table hands over (see index.ts) so the sitemap never disagrees with
 * what is built.
 */
export function sitemapUrls(htmlPaths: (campaign: Campaign) => string[]) {
  return single(paths.sitemapUrls, (campaign) => ({ urls: htmlPaths(campaign).map((path) => absoluteUrl(path)) }));
}

/** A part of the story pages' urlset; a change of stories touches the parts listing them. */
export const sitemapStoryParts: PageFamily<{ part: string }, { urls: string[] }> = {
  pages: (campaign) => storyParts(campaign).map((part) => ({ path: paths.sitemapStories(part.name), params: { part: part.name } })),
  view: (campaign, { part }) => {
    const found = storyParts(campaign).find((candidate) => candidate.name === part);
    return found
      ? {
          urls: found.records
            .map((page) => page.url)
            .sort()
            .map((path) => absoluteUrl(path)),
        }
      : null;
  },
  // The parts that listed a changed story before and those that list it now (a withdrawn one is in the first only).
  touchedBy: (change) => {
    const changed = new Set(sidesOf(change).map(({ story }) => paths.story(story)));
    return [change.before, change.after].flatMap((campaign) =>
      storyParts(campaign)
        .filter((part) => part.records.some((page) => changed.has(page.url)))
        .map((part) => paths.sitemapStories(part.name)),
    );
  },
};
