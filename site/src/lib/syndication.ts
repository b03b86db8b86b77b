/**
 * The feeds of the built site: which feeds exist, and the items of a list of stories with
 * their covers processed by Astro's image service (absolute URLs on this site).
 */
import { getImage } from 'astro:assets';
import { CAMPAIGN } from '@campaign-desk/shared';
import { buildRss, storyItem, type FeedChannel, type FeedItem, type FeedListing } from './feeds';
import { buildNow, getCampaign, kindName, type Campaign, type StoryData } from './campaign';
import { absoluteUrl, paths, type FeedKind } from './paths';

export const SITE_NAME = `${CAMPAIGN.shortName}专题`;

export async function feedItems(campaign: Campaign, stories: StoryData[]): Promise<FeedItem[]> {
  return Promise.all(
    stories.map(async (story) => {
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

/** The feeds of one kind of grouping, e.g. one per column. */
export type FeedGroup = { kind: FeedKind; label: string; items: Array<{ slug: string; name: string; htmlPath: string; stories: StoryData[]; description: string }> };

export async function feedGroups(): Promise<FeedGroup[]> {
  const c = await getCampaign();
  return [
    { kind: 'columns', label: '专栏', items: c.columns.map((x) => ({ slug: x.slug, name: x.name, htmlPath: paths.column(x), stories: c.storiesOfColumn(x.documentId), description: x.description ?? `专栏“${x.name}”的稿件` })) },
    { kind: 'themes', label: '主题', items: c.themes.map((x) => ({ slug: x.slug, name: x.name, htmlPath: paths.theme(x), stories: c.storiesOfTheme(x.documentId), description: `第${x.phase}阶段主题“${x.name}”的稿件` })) },
    { kind: 'activities', label: '“六大”活动', items: c.activities.map((x) => ({ slug: x.slug, name: x.name, htmlPath: paths.activity(x), stories: c.storiesOfActivity(x.documentId), description: `标为“${x.name}”的稿件` })) },
    { kind: 'outlets', label: '媒体', items: c.outlets.map((x) => ({ slug: x.slug, name: x.name, htmlPath: paths.outlet(x), stories: c.storiesOfOutlet(x.documentId), description: `${x.name}首发或刊播的稿件` })) },
    { kind: 'places', label: '地区', items: c.places.map((x) => ({ slug: x.slug, name: x.name, htmlPath: paths.place(x), stories: c.storiesOfPlace(x.documentId), description: `涉及${x.name}的稿件` })) },
  ];
}

/** Every feed, for the /feeds/ directory and the OPML file. */
export async function allFeeds(): Promise<FeedListing[]> {
  const listings: FeedListing[] = [
    { group: '全站', title: `${SITE_NAME}（全部稿件）`, xmlUrl: absoluteUrl(paths.rss), htmlUrl: absoluteUrl('/'), description: '“六大”活动全部稿件，最新50篇，含全文' },
  ];
  for (const group of await feedGroups()) {
    for (const item of group.items) {
      listings.push({
        group: group.label,
        title: `${SITE_NAME} · ${group.label}：${item.name}`,
        xmlUrl: absoluteUrl(paths.feed(group.kind, item)),
        htmlUrl: absoluteUrl(item.htmlPath),
        description: item.description,
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
