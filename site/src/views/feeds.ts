/**
 * The feeds: the site's own (every story as RSS and JSON Feed, the 重点 stories, the good
 * deeds), one per grouping, the OPML file that lists them, and the feed directory page. A
 * feed's view holds what its items are made of (records, categories, the processed image);
 * the XML is built from it. Feeds carry what is fact: sample records only in a preview.
 */
import type { Campaign } from '../lib/campaign';
import { CAMPAIGN, type GoodDeed, type Story } from '@campaign-desk/shared';
import { kindName, pick } from '../lib/campaign';
import {
  FEED_ITEM_LIMIT,
  goodDeedItem,
  isPodcastEpisode,
  storyItem,
  type FeedChannel,
  type FeedItem,
  type FeedListing,
  type FeedMedia,
} from '../lib/feeds';
import { GROUPINGS, channelTitle, type Grouped, type Grouping } from '../lib/groupings';
import { absoluteUrl, paths } from '../lib/paths';
import { PODCAST_ARTWORK, SITE_FEEDS, type SiteFeed } from '../lib/site';
import { sidesOf, single, type PageFamily } from './page-family';
import { deedUrl, shareImageOf } from './parts';

export type FeedEntry = { story: Story; categories: string[]; image: FeedMedia | null };
export type FeedView = { channel: FeedChannel; entries: FeedEntry[] };

function imageOf(campaign: Campaign, image: Story['cover']): FeedMedia | null {
  return image ? { ...shareImageOf(campaign, image), credit: image.credit, caption: image.caption, alt: image.alt } : null;
}

function entriesOf(campaign: Campaign, stories: Story[]): FeedEntry[] {
  return stories.slice(0, FEED_ITEM_LIMIT).map((story) => {
    const theme = story.themeId ? campaign.records.byId.themes.get(story.themeId) : undefined;
    return {
      story,
      categories: [
        ...(theme ? [theme.name] : []),
        ...pick(campaign.records.byId.activities, story.activityIds).map((activity) => activity.name),
        ...pick(campaign.records.byId.columns, story.columnIds).map((column) => column.name),
      ],
      image: imageOf(campaign, story.cover),
    };
  });
}

/**
 * A feed's channel. Its lastBuildDate is when its newest item last changed (or, for an
 * empty feed, what it is about), so a feed changes only when what it carries does.
 */
function channelOf(
  title: string,
  description: string,
  htmlPath: string,
  feedPath: string,
  items: Array<{ updatedAt: string }>,
  since: string,
): FeedChannel {
  const newest = items.reduce((latest, item) => Math.max(latest, Date.parse(item.updatedAt)), Date.parse(since));
  return { title, description, link: absoluteUrl(htmlPath), selfUrl: absoluteUrl(feedPath), lastBuildDate: new Date(newest) };
}

/** The items of a feed of stories, built from its view. */
export function feedItemsOf(view: FeedView): FeedItem[] {
  return view.entries.map(({ story, categories, image }) =>
    storyItem({ ...story, kindName: kindName(story.kind) }, { url: absoluteUrl(paths.story(story)), categories, image }),
  );
}

/** A feed of the site's own, of stories the campaign selects (all of them, the 重点 ones). */
function storyFeed(feed: SiteFeed, feedPath: string, select: (campaign: Campaign) => Story[]) {
  return single(feedPath, (campaign): FeedView => {
    const stories = campaign.syndicated(select(campaign));
    return {
      channel: channelOf(feed.title, feed.description, feed.htmlPath, feedPath, stories, CAMPAIGN.planIssuedOn),
      entries: entriesOf(campaign, stories),
    };
  });
}

export const rssFeed = storyFeed(SITE_FEEDS.all, paths.rss, (campaign) => campaign.stories.all);
export const jsonFeedFile = storyFeed(SITE_FEEDS.all, paths.jsonFeed, (campaign) => campaign.stories.all);
export const featuredFeed = storyFeed(SITE_FEEDS.featured, paths.featuredFeed, (campaign) => campaign.stories.of('featured'));

/** 听新闻 as a podcast: the stories with audio, as a podcast app reads them. */
export const podcastFeed = storyFeed(SITE_FEEDS.podcast, paths.podcast, (campaign) => campaign.stories.all.filter(isPodcastEpisode));

/** The podcast's channel fields: the campaign's issuer as its author, the site's square card as its artwork. */
export const PODCAST = { author: CAMPAIGN.issuer, imageUrl: () => absoluteUrl(PODCAST_ARTWORK.path), category: 'News' } as const;

export type GoodDeedEntry = { deed: GoodDeed; url: string; placeName: string | null; categories: string[]; image: FeedMedia | null };
export type GoodDeedFeedView = { channel: FeedChannel; entries: GoodDeedEntry[] };

export const goodDeedsFeed = single(paths.goodDeedsFeed, (campaign): GoodDeedFeedView => {
  const feed = SITE_FEEDS.goodDeeds;
  const deeds = campaign.syndicated(campaign.participation.goodDeeds);
  return {
    channel: channelOf(feed.title, feed.description, feed.htmlPath, paths.goodDeedsFeed, deeds, CAMPAIGN.planIssuedOn),
    entries: deeds.slice(0, FEED_ITEM_LIMIT).map((deed) => {
      const place = deed.placeId ? campaign.records.byId.places.get(deed.placeId) : undefined;
      const figure = deed.figureId ? campaign.records.byId.figures.get(deed.figureId) : undefined;
      return {
        deed,
        url: deedUrl(campaign, deed),
        placeName: place?.name ?? null,
        categories: ['接力做好事', ...(figure ? [`接力${figure.name}`] : []), ...(place ? [place.name] : [])],
        image: imageOf(campaign, deed.photo),
      };
    }),
  };
});

export function goodDeedItemsOf(view: GoodDeedFeedView): FeedItem[] {
  return view.entries.map(({ deed, url, placeName, categories, image }) =>
    goodDeedItem({ ...deed, placeName }, { url, categories, image }),
  );
}

function groupingFeed(campaign: Campaign, grouping: Grouping, record: Grouped): FeedView {
  const stories = campaign.syndicated(grouping.stories(campaign, record));
  return {
    channel: channelOf(
      channelTitle(grouping, record),
      grouping.feedDescription(record),
      paths.listing(grouping.kind, record),
      paths.feed(grouping.kind, record),
      stories,
      record.updatedAt,
    ),
    entries: entriesOf(campaign, stories),
  };
}

export const groupingFeeds: PageFamily<{ kind: string; slug: string }, FeedView> = {
  pages: (campaign) =>
    GROUPINGS.flatMap((grouping) =>
      grouping
        .records(campaign)
        .map((record) => ({ path: paths.feed(grouping.kind, record), params: { kind: grouping.kind, slug: record.slug } })),
    ),
  view: (campaign, { kind, slug }) => {
    const grouping = GROUPINGS.find((candidate) => candidate.kind === kind);
    const record = grouping?.find(campaign, slug);
    return grouping && record ? groupingFeed(campaign, grouping, record) : null;
  },
  // The feeds of the groupings a changed story is (or was) listed under.
  touchedBy: (change) =>
    GROUPINGS.flatMap((grouping) =>
      sidesOf(change).flatMap(({ campaign, story }) => grouping.of(campaign, story).map((record) => paths.feed(grouping.kind, record))),
    ),
};

/** A feed as the directory and the OPML file list it: what it is, where, and how many items it carries now. */
export type ListedFeed = { name: string; title: string; feedPath: string; htmlPath: string; description: string; items: number };
export type FeedGroup = { id: string; label: string; feeds: ListedFeed[] };

/** THE list of feeds, the site's own and then each grouping's: the directory and the OPML file both read it. */
function feedGroups(campaign: Campaign): { site: FeedGroup; groupings: FeedGroup[] } {
  const site: ListedFeed[] = [
    { feed: SITE_FEEDS.all, feedPath: paths.rss, items: campaign.syndicated(campaign.stories.all).length },
    { feed: SITE_FEEDS.featured, feedPath: paths.featuredFeed, items: campaign.syndicated(campaign.stories.of('featured')).length },
    { feed: SITE_FEEDS.goodDeeds, feedPath: paths.goodDeedsFeed, items: campaign.syndicated(campaign.participation.goodDeeds).length },
    { feed: SITE_FEEDS.podcast, feedPath: paths.podcast, items: campaign.syndicated(campaign.stories.all.filter(isPodcastEpisode)).length },
  ].map(({ feed, feedPath, items }) => ({ ...feed, feedPath, items }));
  return {
    site: { id: 'site', label: '全站', feeds: site },
    groupings: GROUPINGS.map((grouping) => ({
      id: grouping.kind,
      label: grouping.label,
      feeds: grouping.records(campaign).map((record) => ({
        name: record.name,
        title: channelTitle(grouping, record),
        feedPath: paths.feed(grouping.kind, record),
        htmlPath: paths.listing(grouping.kind, record),
        description: grouping.feedDescription(record),
        items: campaign.syndicated(grouping.stories(campaign, record)).length,
      })),
    })),
  };
}

export const opmlFile = single(paths.opml, (campaign) => {
  const { site, groupings } = feedGroups(campaign);
  return {
    listings: [site, ...groupings].flatMap((group) =>
      group.feeds.map(
        (feed): FeedListing => ({
          group: group.label,
          title: feed.title,
          xmlUrl: absoluteUrl(feed.feedPath),
          htmlUrl: absoluteUrl(feed.htmlPath),
          description: feed.description,
        }),
      ),
    ),
    created: campaign.now,
  };
});

export type FeedDirectoryView = { site: FeedGroup; groupings: FeedGroup[]; preview: boolean };

export const feedDirectory = single(paths.feeds, (campaign): FeedDirectoryView => ({ ...feedGroups(campaign), preview: campaign.preview }));
