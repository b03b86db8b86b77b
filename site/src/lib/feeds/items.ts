/** A feed's items: a story or a good deed as full text with its image, its media and its guid. */
import { blocksToText, formatChineseDate, renderBlocks, shanghaiDateTime, type Blocks, type StoryMedia } from '@campaign-desk/shared';
import { absolute, xmlText } from './text';

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
