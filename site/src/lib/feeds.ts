/**
 * Syndication: RSS 2.0 (with content:encoded, Dublin Core, Media RSS and Atom self links),
 * JSON Feed 1.1 and OPML. Pure functions of plain data, so they are tested on hostile
 * input without a build: every text is stripped of what XML cannot carry and escaped,
 * every URL handed in must be absolute, and the HTML of a story comes from the shared
 * blocks renderer with every link resolved against the story's own URL.
 *
 * Titles are plain text. A <description> is HTML to an aggregator (it decodes the XML, then
 * renders what it got), so plain text goes into it escaped for HTML first, then for XML:
 * a summary typed as `<img onerror=…>` then reads as those characters, never as markup.
 */
import {
  blocksToText,
  escapeHtml,
  formatChineseDate,
  renderBlocks,
  shanghaiDateTime,
  stripIllegalXmlChars,
  type Blocks,
  type StoryMedia,
} from '@campaign-desk/shared';

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

export type FeedMedia = {
  url: string;
  type: string;
  width?: number;
  height?: number;
  credit?: string | null;
  caption?: string | null;
  alt?: string | null;
};

export type FeedItem = {
  /** Stable, from the documentId: never changes when the slug or the site's address does. */
  guid: string;
  title: string;
  link: string;
  summary: string;
  /** Safe HTML with absolute URLs only. */
  contentHtml: string;
  pubDate: Date;
  updated?: Date;
  creators: string[];
  categories: string[];
  image?: FeedMedia | null;
  /** The item's audio or video: its size in bytes (0 when unknown, a link's) and its length in seconds. */
  enclosure?: { url: string; type: string; length: number; seconds: number | null } | null;
};

/** What makes an RSS feed a podcast (听新闻) a podcast app subscribes to: the iTunes namespace's channel fields. */
export type PodcastChannel = {
  author: string;
  /** Square artwork, absolute (JPEG or PNG). */
  imageUrl: string;
  /** One of Apple's categories. */
  category: string;
};

/** Text for XML or HTML: illegal characters removed, markup escaped. */
export function xmlText(text: string): string {
  return escapeHtml(stripIllegalXmlChars(text));
}

/** One line of plain text (for titles): control characters and runs of space collapsed. */
export function plainLine(text: string, max = 300): string {
  const line = stripIllegalXmlChars(text).replace(/\s+/g, ' ').trim();
  return line.length > max
    ? `${Array.from(line)
        .slice(0, max - 1)
        .join('')}…`
    : line;
}

/** Plain text as the HTML of an RSS <description>, written into XML: escaped twice, on purpose. */
function htmlDescription(text: string): string {
  return xmlText(escapeHtml(plainLine(text, 2000)));
}

/** The guid of a story or good deed, e.g. urn:campaign-desk:story:abc123. */
export function guidOf(type: 'story' | 'goodDeed', documentId: string): string {
  return `urn:campaign-desk:${type}:${documentId}`;
}

const SAMPLE_NOTICE = '<p><strong>【示例】本条为示例内容，请勿转载。</strong></p>';

/** An image on top of an item's full text, with its caption and credit. */
function figureHtml(image: FeedMedia): string {
  const caption = [image.caption, image.credit ? `（${image.credit}）` : ''].filter((part): part is string => Boolean(part)).join('');
  return (
    `<figure><img src="${xmlText(absolute(image.url))}" alt="${xmlText(image.alt ?? '')}"` +
    `${image.width ? ` width="${image.width}"` : ''}${image.height ? ` height="${image.height}"` : ''}>` +
    `${caption ? `<figcaption>${xmlText(caption)}</figcaption>` : ''}</figure>`
  );
}

const MEDIA_TYPES: Array<[RegExp, string]> = [
  [/\.mp3$/i, 'audio/mpeg'],
  [/\.m4a$/i, 'audio/mp4'],
  [/\.aac$/i, 'audio/aac'],
  [/\.ogg$/i, 'audio/ogg'],
  [/\.wav$/i, 'audio/wav'],
  [/\.mp4$/i, 'video/mp4'],
  [/\.m4v$/i, 'video/mp4'],
  [/\.webm$/i, 'video/webm'],
  [/\.mov$/i, 'video/quicktime'],
  [/\.m3u8$/i, 'application/vnd.apple.mpegurl'],
];

/** The media type of an audio or video file URL, when its name tells; null for pages. */
export function mediaTypeOf(url: string): string | null {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return null;
  }
  return MEDIA_TYPES.find(([pattern]) => pattern.test(pathname))?.[1] ?? null;
}

/** What `storyItem` needs of a story, the contract's fields plus the names it refers to. */
export type StoryForFeed = {
  documentId: string;
  title: string;
  subtitle: string | null;
  summary: string | null;
  body: Blocks;
  date: string;
  updatedAt: string;
  kind: string;
  kindName: string;
  mediaUrl: string | null;
  media: StoryMedia | null;
  bylines: string[];
  sample: boolean;
};

export type StoryItemContext = {
  /** Absolute URL of the story's page. */
  url: string;
  categories: string[];
  /** The cover, processed and absolute, with caption and credit. */
  image?: FeedMedia | null;
};

/** A feed item of a story: full text with the cover on top and the media link below. */
export function storyItem(story: StoryForFeed, context: StoryItemContext): FeedItem {
  const parts: string[] = [];
  if (story.sample) parts.push(SAMPLE_NOTICE);
  if (story.subtitle) parts.push(`<p><em>${xmlText(story.subtitle)}</em></p>`);
  const image = context.image ?? null;
  if (image !== null) parts.push(figureHtml(image));
  parts.push(renderBlocks(story.body, { baseUrl: context.url }));
  if (story.mediaUrl) {
    parts.push(`<p><a href="${xmlText(absolute(story.mediaUrl))}">${xmlText(`查看${story.kindName}`)}</a></p>`);
  }
  const summary = story.summary?.trim() || blocksToText(story.body).slice(0, 200);
  return {
    guid: guidOf('story', story.documentId),
    title: story.title,
    link: context.url,
    summary,
    contentHtml: parts.filter(Boolean).join('\n'),
    pubDate: new Date(story.date),
    updated: new Date(story.updatedAt),
    creators: story.bylines,
    categories: context.categories,
    image,
    enclosure: enclosureOf(story),
  };
}

/** Whether a story is an episode of the 听新闻 podcast: its own audio file, or an audio story's link to one. */
export function isPodcastEpisode(story: Pick<StoryForFeed, 'kind' | 'media' | 'mediaUrl'>): boolean {
  if (story.media) return story.media.mime.startsWith('audio/');
  return story.kind === 'audio' && story.mediaUrl !== null && (mediaTypeOf(story.mediaUrl)?.startsWith('audio/') ?? false);
}

/** A story's own file, or else a link to an audio or video file whose name tells its type. */
function enclosureOf(story: StoryForFeed): FeedItem['enclosure'] {
  if (story.media) return { url: story.media.url, type: story.media.mime, length: story.media.bytes, seconds: story.media.seconds };
  const type = story.mediaUrl && ['audio', 'video', 'motion'].includes(story.kind) ? mediaTypeOf(story.mediaUrl) : null;
  // The length of a link's file is unknown without fetching it; 0 is the accepted stand-in.
  return type && story.mediaUrl ? { url: story.mediaUrl, type, length: 0, seconds: null } : null;
}

/** What `goodDeedItem` needs of a good deed, the contract's fields plus the name of its place. */
export type GoodDeedForFeed = {
  documentId: string;
  title: string;
  doer: string;
  unit: string | null;
  /** YYYY-MM-DD, Asia/Shanghai. */
  date: string;
  updatedAt: string;
  description: string;
  placeName: string | null;
  sample: boolean;
};

/** A feed item of a good deed (接力做好事): what was done, by whom, where and when, its photo on top. */
export function goodDeedItem(deed: GoodDeedForFeed, context: StoryItemContext): FeedItem {
  const parts: string[] = [];
  if (deed.sample) parts.push(SAMPLE_NOTICE);
  const image = context.image ?? null;
  if (image !== null) parts.push(figureHtml(image));
  parts.push(`<p>${xmlText(deed.description)}</p>`);
  const who = `${deed.doer}${deed.unit ? `（${deed.unit}）` : ''}`;
  parts.push(`<p>${xmlText([who, deed.placeName, formatChineseDate(deed.date)].filter(Boolean).join(' · '))}</p>`);
  return {
    guid: guidOf('goodDeed', deed.documentId),
    title: deed.title,
    link: context.url,
    summary: deed.description,
    contentHtml: parts.join('\n'),
    pubDate: new Date(shanghaiDateTime(deed.date)),
    updated: new Date(deed.updatedAt),
    creators: [],
    categories: context.categories,
    image,
    enclosure: null,
  };
}

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
  return [
    `<image><url>${xmlText(absolute(podcast.imageUrl))}</url><title>${xmlText(plainLine(channel.title))}</title><link>${xmlText(absolute(channel.link))}</link></image>`,
    `<itunes:author>${author}</itunes:author>`,
    `<itunes:owner><itunes:name>${author}</itunes:name></itunes:owner>`,
    `<itunes:image href="${xmlText(absolute(podcast.imageUrl))}"/>`,
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

function unique(values: string[]): string[] {
  return [...new Set(values.filter((value) => value.trim() !== ''))];
}

/** Feeds carry absolute http(s) URLs only; anything else is a bug upstream. */
function absolute(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RangeError(`Feed URLs must be absolute, got ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new RangeError(`Feed URLs must be http(s), got ${JSON.stringify(url)}`);
  }
  return parsed.href;
}
