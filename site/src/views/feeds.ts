/**
 * The feeds: the whole campaign's (RSS and JSON Feed), one per grouping, the OPML file that
 * lists them, and the feed directory page. A feed's view holds its stories and what the
 * items add to them (categories, the processed cover); the XML is built from it.
 */
import type { Campaign } from '../lib/campaign';
import type { Story } from '@campaign-desk/shared';
import { kindName } from '../lib/campaign';
import { FEED_ITEM_LIMIT, storyItem, type FeedChannel, type FeedItem, type FeedListing, type FeedMedia } from '../lib/feeds';
import { GROUPINGS, channelTitle, type Grouped, type Grouping } from '../lib/groupings';
import { absoluteUrl, paths } from '../lib/paths';
import { SITE_FEED_DESCRIPTION, SITE_FEED_TITLE } from '../lib/site';
import { single, type PageFamily } from './page-family';
import { shareImageOf } from './parts';

export type FeedEntry = { story: Story; categories: string[]; image: FeedMedia | null };
export type FeedView = { channel: FeedChannel; entries: FeedEntry[] };

function entriesOf(campaign: Campaign, stories: Story[]): FeedEntry[] {
  return stories.slice(0, FEED_ITEM_LIMIT).map((story) => {
    const theme = story.themeId ? campaign.maps.themes.get(story.themeId) : undefined;
    const image = story.cover
      ? { ...shareImageOf(campaign, story.cover), credit: story.cover.credit, caption: story.cover.caption, alt: story.cover.alt }
      : null;
    return {
      story,
      categories: [
        ...(theme ? [theme.name] : []),
        ...campaign.pick(campaign.maps.activities, story.activityIds).map((activity) => activity.name),
        ...campaign.pick(campaign.maps.columns, story.columnIds).map((column) => column.name),
      ],
      image,
    };
  });
}

/**
 * A feed's channel. Its lastBuildDate is when its newest story last changed (or, for an
 * empty feed, what it is about), so a feed changes only when what it carries does.
 */
function channelOf(title: string, description: string, htmlPath: string, feedPath: string, stories: Story[], since: string): FeedChannel {
  const newest = stories.reduce((latest, story) => Math.max(latest, Date.parse(story.updatedAt)), Date.parse(since));
  return { title, description, link: absoluteUrl(htmlPath), selfUrl: absoluteUrl(feedPath), lastBuildDate: new Date(newest) };
}

/** The items of a feed, built from its view. */
export function feedItemsOf(view: FeedView): FeedItem[] {
  return view.entries.map(({ story, categories, image }) =>
    storyItem({ ...story, kindName: kindName(story.kind) }, { url: absoluteUrl(paths.story(story)), categories, image }),
  );
}

/** The whole campaign, as RSS (`/rss.xml`) or JSON Feed (`/feed.json`). */
function siteFeed(feedPath: string) {
  return single(feedPath, (campaign): FeedView => ({
    channel: channelOf(SITE_FEED_TITLE, SITE_FEED_DESCRIPTION, paths.home, feedPath, campaign.stories, campaign.campaign.planIssuedOn),
    entries: entriesOf(campaign, campaign.stories),
  }));
}

export const rssFeed = siteFeed(paths.rss);
export const jsonFeedFile = siteFeed(paths.jsonFeed);

function groupingFeed(campaign: Campaign, grouping: Grouping, record: Grouped): FeedView {
  const stories = grouping.stories(campaign, record);
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
      grouping.records(campaign).map((record) => ({ path: paths.feed(grouping.kind, record), params: { kind: grouping.kind, slug: record.slug } })),
    ),
  view: (campaign, { kind, slug }) => {
    const grouping = GROUPINGS.find((candidate) => candidate.kind === kind);
    const record = grouping?.find(campaign, slug);
    return grouping && record ? groupingFeed(campaign, grouping, record) : null;
  },
};

/** Every feed, for the OPML file. */
function listings(campaign: Campaign): FeedListing[] {
  return [
    { group: '全站', title: SITE_FEED_TITLE, xmlUrl: absoluteUrl(paths.rss), htmlUrl: absoluteUrl(paths.home), description: SITE_FEED_DESCRIPTION },
    ...GROUPINGS.flatMap((grouping) =>
      grouping.records(campaign).map((record) => ({
        group: grouping.label,
        title: channelTitle(grouping, record),
        xmlUrl: absoluteUrl(paths.feed(grouping.kind, record)),
        htmlUrl: absoluteUrl(paths.listing(grouping.kind, record)),
        description: grouping.feedDescription(record),
      })),
    ),
  ];
}

export const opmlFile = single(paths.opml, (campaign) => ({ listings: listings(campaign), created: campaign.now }));

export type FeedDirectoryView = Array<{
  kind: Grouping['kind'];
  label: string;
  feeds: Array<{ record: Grouped; stories: number; description: string }>;
}>;

export const feedDirectory = single(paths.feeds, (campaign): FeedDirectoryView =>
  GROUPINGS.map((grouping) => ({
    kind: grouping.kind,
    label: grouping.label,
    feeds: grouping.records(campaign).map((record) => ({
      record,
      stories: grouping.stories(campaign, record).length,
      description: grouping.feedDescription(record),
    })),
  })),
);
