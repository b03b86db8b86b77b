/** The site's own files: the calendar, robots.txt, the sitemap, and the search and 404 pages. */
import { CAMPAIGN, type CampaignEvent } from '@campaign-desk/shared';
import type { Campaign } from '../lib/campaign';
import { eventKindName } from '../lib/campaign';
import type { CalendarEvent } from '../lib/ics';
import { SAMPLE_DATE_NOTE, SAMPLE_PREFIX } from '../lib/site';
import { absoluteUrl, href, paths, siteAddress } from '../lib/paths';
import { directTargets, searchPaths } from '../lib/search';
import { searchShards } from '../lib/search-shards';
import { single, type PageFamily, type Params } from './page-family';

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

/** The sitemap's index, pointing at its one urlset (a urlset holds up to 50,000 URLs). */
export const sitemapIndex = single(paths.sitemap, () => ({ sitemaps: [absoluteUrl(paths.sitemapUrls)] }));

/**
 * The urlset: every page a reader may land on. Its view is the list of paths, which the
 * page table hands over (see index.ts) so the sitemap never disagrees with what is built.
 */
export function sitemapUrls(htmlPaths: (campaign: Campaign) => string[]) {
  return single(paths.sitemapUrls, (campaign) => ({ urls: htmlPaths(campaign).map((path) => absoluteUrl(path)) }));
}
