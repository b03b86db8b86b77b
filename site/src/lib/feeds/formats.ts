/** The feed documents: RSS 2.0, JSON Feed 1.1 and the OPML list of feeds. */
import { stripIllegalXmlChars } from '@campaign-desk/shared';
import type { FeedItem } from './items';
import { absolute, htmlDescription, plainLine, unique, xmlText } from './text';

export const FEED_ITEM_LIMIT = 50;

export type FeedChannel = {
  title: string;
  description: string;
  /** The page the feed is about (absolute). */
  link: string;
  /** The feed's own URL (absolute). */
  selfUrl: string;
  lastBuildDate: Date;
  /** Optional JSON Feed URL of the same content. */
  language?: string;
};

/** What makes an RSS feed a podcast (听新闻) a podcast app subscribes to: the iTunes namespace's channel fields. */
export type PodcastChannel = {
  author: string;
  /** Square artwork, absolute (JPEG or PNG). */
  imageUrl: string;
  /** One of Apple's categories. */
  category: string;
};

/** An RSS document (`buildRss`) as a route answers it. */
export function rssResponse(channel: FeedChannel, items: FeedItem[], podcast?: PodcastChannel): Response {
  return new Response(buildRss(channel, items, FEED_ITEM_LIMIT, podcast), {
    headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' },
  });
}

/**
 * RSS 2.0 with content:encoded, dc:creator, media:content and atom:link rel=self; with `podcast`,
 * also the iTunes namespace's fields a podcast app asks for.
 */
export function buildRss(channel: FeedChannel, items: FeedItem[], limit = FEED_ITEM_LIMIT, podcast?: PodcastChannel): string {
  const latest = latestItems(items, limit);
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/"' +
      ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"' +
      `${podcast ? ' xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"' : ''}>`,
  );
  out.push('<channel>');
  out.push(`<title>${xmlText(plainLine(channel.title))}</title>`);
  out.push(`<link>${xmlText(absolute(channel.link))}</link>`);
  out.push(`<description>${htmlDescription(channel.description)}</description>`);
  out.push(`<atom:link href="${xmlText(absolute(channel.selfUrl))}" rel="self" type="application/rss+xml"/>`);
  out.push(`<language>${xmlText(channel.language ?? 'zh-cn')}</language>`);
  out.push(`<lastBuildDate>${channel.lastBuildDate.toUTCString()}</lastBuildDate>`);
  out.push('<generator>Campaign Desk</generator>');
  out.push('<ttl>60</ttl>');
  if (podcast) out.push(...podcastChannel(channel, podcast));
  for (const item of latest) {
    out.push('<item>');
    out.push(`<title>${xmlText(plainLine(item.title))}</title>`);
    out.push(`<link>${xmlText(absolute(item.link))}</link>`);
    out.push(`<guid isPermaLink="false">${xmlText(item.guid)}</guid>`);
    out.push(`<pubDate>${item.pubDate.toUTCString()}</pubDate>`);
    out.push(`<description>${htmlDescription(item.summary)}</description>`);
    // Escaped rather than in CDATA: a ']]>' in a story then cannot end the section.
    out.push(`<content:encoded>${xmlText(item.contentHtml)}</content:encoded>`);
    for (const creator of item.creators) out.push(`<dc:creator>${xmlText(plainLine(creator))}</dc:creator>`);
    for (const category of unique(item.categories)) out.push(`<category>${xmlText(plainLine(category))}</category>`);
    if (item.image) {
      const image = item.image;
      out.push(
        `<media:content url="${xmlText(absolute(image.url))}" medium="image" type="${xmlText(image.type)}"` +
          `${image.width ? ` width="${image.width}"` : ''}${image.height ? ` height="${image.height}"` : ''}>`,
      );
      if (image.caption || image.alt)
        out.push(`<media:description>${xmlText(plainLine(image.caption || image.alt || '', 2000))}</media:description>`);
      if (image.credit) out.push(`<media:credit>${xmlText(plainLine(image.credit))}</media:credit>`);
      out.push('</media:content>');
    }
    if (item.enclosure) {
      const { url, type, length, seconds } = item.enclosure;
      out.push(`<enclosure url="${xmlText(absolute(url))}" length="${length}" type="${xmlText(type)}"/>`);
      if (length > 0) {
        out.push(
          `<media:content url="${xmlText(absolute(url))}" medium="${type.startsWith('audio/') ? 'audio' : 'video'}" type="${xmlText(type)}"` +
            ` fileSize="${length}"${seconds ? ` duration="${seconds}"` : ''}/>`,
        );
      }
      if (podcast && seconds) out.push(`<itunes:duration>${seconds}</itunes:duration>`);
    }
    if (podcast) out.push('<itunes:explicit>false</itunes:explicit>');
    out.push('</item>');
  }
  out.push('</channel>');
  out.push('</rss>');
  return `${out.join('\n')}\n`;
}

function podcastChannel(channel: FeedChannel, podcast: PodcastChannel): string[] {
  const author = xmlText(plainLine(podcast.author));
  const image = xmlText(absolute(podcast.imageUrl));
  return [
    `<image><url>${image}</url><title>${xmlText(plainLine(channel.title))}</title><link>${xmlText(absolute(channel.link))}</link></image>`,
    `<itunes:author>${author}</itunes:author>`,
    `<itunes:owner><itunes:name>${author}</itunes:name></itunes:owner>`,
    `<itunes:image href="${image}"/>`,
    `<itunes:category text="${xmlText(podcast.category)}"/>`,
    '<itunes:explicit>false</itunes:explicit>',
    '<itunes:type>episodic</itunes:type>',
  ];
}

/** JSON Feed 1.1. */
export function buildJsonFeed(channel: FeedChannel, items: FeedItem[], limit = FEED_ITEM_LIMIT): string {
  const clean = (text: string) => stripIllegalXmlChars(text);
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: plainLine(channel.title),
    home_page_url: absolute(channel.link),
    feed_url: absolute(channel.selfUrl),
    description: plainLine(channel.description, 2000),
    language: 'zh-CN',
    items: latestItems(items, limit).map((item) => ({
      id: item.guid,
      url: absolute(item.link),
      title: plainLine(item.title),
      summary: plainLine(item.summary, 2000),
      content_html: clean(item.contentHtml),
      ...(item.image ? { image: absolute(item.image.url) } : {}),
      date_published: item.pubDate.toISOString(),
      ...(item.updated ? { date_modified: item.updated.toISOString() } : {}),
      ...(item.creators.length > 0 ? { authors: item.creators.map((name) => ({ name: plainLine(name) })) } : {}),
      tags: unique(item.categories).map((tag) => plainLine(tag)),
      ...(item.enclosure
        ? {
            attachments: [
              {
                url: absolute(item.enclosure.url),
                mime_type: item.enclosure.type,
                ...(item.enclosure.length > 0 ? { size_in_bytes: item.enclosure.length } : {}),
                ...(item.enclosure.seconds ? { duration_in_seconds: item.enclosure.seconds } : {}),
              },
            ],
          }
        : {}),
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

export type FeedListing = { title: string; xmlUrl: string; htmlUrl: string; description: string; group: string };

/** OPML 2.0 of feeds, grouped in outlines (全站, 专栏, 主题…). */
export function buildOpml(title: string, feeds: FeedListing[], dateCreated: Date): string {
  const groups = new Map<string, FeedListing[]>();
  for (const feed of feeds) groups.set(feed.group, [...(groups.get(feed.group) ?? []), feed]);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">', '<head>'];
  out.push(`<title>${xmlText(plainLine(title))}</title>`);
  out.push(`<dateCreated>${dateCreated.toUTCString()}</dateCreated>`);
  out.push('</head>', '<body>');
  for (const [group, listed] of groups) {
    out.push(`<outline text="${xmlText(plainLine(group))}" title="${xmlText(plainLine(group))}">`);
    for (const feed of listed) {
      out.push(
        `<outline type="rss" version="RSS2" text="${xmlText(plainLine(feed.title))}" title="${xmlText(plainLine(feed.title))}"` +
          ` description="${xmlText(plainLine(feed.description, 500))}" xmlUrl="${xmlText(absolute(feed.xmlUrl))}"` +
          ` htmlUrl="${xmlText(absolute(feed.htmlUrl))}" language="zh-cn"/>`,
      );
    }
    out.push('</outline>');
  }
  out.push('</body>', '</opml>');
  return `${out.join('\n')}\n`;
}

function latestItems(items: FeedItem[], limit: number): FeedItem[] {
  return [...items].sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime()).slice(0, limit);
}
