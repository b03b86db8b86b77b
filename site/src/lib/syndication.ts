/**
 * The feeds of the built site: which feeds exist, and the items of a list of stories with
 * their covers processed by Astro's image service (absolute URLs on this site).
 */
import { getImage } from 'astro:assets';
import { FEED_ITEM_LIMIT, buildRss, storyItem, type FeedChannel, type FeedItem, type FeedListing } from './feeds';
import { buildNow, getCampaign, kindName, type Campaign, type StoryData } from './campaign';
import { GROUPINGS, channelTitle } from './groupings';
import { absoluteUrl, paths } from './paths';
import { SITE_FEED_DESCRIPTION, SITE_FEED_TITLE } from './site';

/** The items of a feed: the newest stories of the list, at most FEED_ITEM_LIMIT. */
export async function feedItems(campaign: Campaign, stories: StoryData[]): Promise<FeedItem[]> {
  return Promise.all(
    stories.slice(0, FEED_ITEM_LIMIT).map(async (story) => {
      const theme = story.themeId ? campaign.maps.themes.get(story.themeId) : undefined;
      const categories = [
        ...(theme ? [theme.name] : []),
        ...campaign.pick(campaign.maps.activities, story.activityIds).map((a) => a.name),
        ...campaign.pick(campaign.maps.columns, story.columnIds).map((c) => c.name),
      ];
      let image = null;
      if (story.cover) {
        const processed = story.localImage ? await getImage({ src: story.localImage, width: Math.min(1200, story.localImage.width), format: 'jpg' }) : null;
        image = {
          url: processed ? absoluteUrl(processed.src) : story.cover.url,
          type: processed ? 'image/jpeg' : story.cover.mime,
          width: processed ? Number(processed.attributes.width) : story.cover.width,
          height: processed ? Number(processed.attributes.height) : story.cover.height,
          credit: story.cover.credit,
          caption: story.cover.caption,
          alt: story.cover.alt,
        };
      }
      return storyItem(
        { ...story, kindName: kindName(story.kind) },
        { url: absoluteUrl(paths.story(story)), categories, image },
      );
    }),
  );
}

/** The whole campaign's feed channel, at `feedPath` (RSS or JSON Feed). */
export function siteChannel(campaign: Campaign, feedPath: string): FeedChannel {
  return channel(SITE_FEED_TITLE, SITE_FEED_DESCRIPTION, paths.home, feedPath, campaign.stories);
}

/** Every feed, for the /feeds/ directory and the OPML file. */
export async function allFeeds(): Promise<FeedListing[]> {
  const campaign = await getCampaign();
  const listings: FeedListing[] = [
    { group: '全站', title: SITE_FEED_TITLE, xmlUrl: absoluteUrl(paths.rss), htmlUrl: absoluteUrl(paths.home), description: SITE_FEED_DESCRIPTION },
  ];
  for (const grouping of GROUPINGS) {
    for (const record of grouping.records(campaign)) {
      listings.push({
        group: grouping.label,
        title: channelTitle(grouping, record),
        xmlUrl: absoluteUrl(paths.feed(grouping.kind, record)),
        htmlUrl: absoluteUrl(paths.listing(grouping.kind, record)),
        description: grouping.feedDescription(record),
      });
    }
  }
  return listings;
}

export function channel(title: string, description: string, htmlPath: string, feedPath: string, stories: StoryData[]): FeedChannel {
  const newest = stories.reduce((latest, story) => Math.max(latest, Date.parse(story.updatedAt)), 0);
  return {
    title,
    description,
    link: absoluteUrl(htmlPath),
    selfUrl: absoluteUrl(feedPath),
    lastBuildDate: newest > 0 ? new Date(newest) : buildNow(),
  };
}

export function rssResponse(xml: string): Response {
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}

export { buildRss };
