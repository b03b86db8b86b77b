import { fileURLToPath } from 'node:url';
import { parseFragment } from 'parse5';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { renderBlocks } from '@campaign-desk/shared';
import { buildJsonFeed, buildOpml, buildRss, goodDeedItem, isPodcastEpisode, plainLine, storyItem } from '../../src/lib/feeds';
import { HOSTILE, body, channel, items, story } from '../support/feed-input';
import { parseXml, urlsIn } from '../support/xml';
import { PODCAST_ARTWORK } from '../../src/lib/site';
import { PODCAST } from '../../src/views/feeds';

describe('RSS 2.0', () => {
  const xml = buildRss(channel, items);
  const rss = parseXml(xml).rss;
  const list: any[] = rss.channel.item;

  test('is well-formed, with the channel elements', () => {
    expect(rss['@version']).toBe('2.0');
    expect(rss.channel['atom:link']).toMatchObject({ '@href': channel.selfUrl, '@rel': 'self', '@type': 'application/rss+xml' });
    expect(rss.channel.language).toBe('zh-cn');
    expect(new Date(rss.channel.lastBuildDate).toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(rss.channel.title).toContain('<script>alert(1)</script>');
  });

  test('carries the latest 50 items, newest first, with every element an item needs', () => {
    expect(list).toHaveLength(50);
    expect(list[0].guid['#text']).toBe('urn:campaign-desk:story:doc59');
    for (const item of list) {
      expect(item.title).toBeTruthy();
      expect(item.link).toMatch(/^https:\/\/site\.example\.org\/stories\//);
      expect(item.guid['@isPermaLink']).toBe('false');
      expect(item.guid['#text']).toMatch(/^urn:campaign-desk:story:doc\d+$/);
      expect(new Date(item.pubDate).getTime()).not.toBeNaN();
      expect(item.description).toBeTruthy();
      expect(item['content:encoded']).toContain('<p>');
      expect(item['dc:creator']).toHaveLength(2);
      expect(item.category.length).toBe(3);
    }
    const withCover = list.find((item) => item['media:content']);
    expect(withCover['media:content']['@url']).toBe('https://site.example.org/_astro/c.jpg');
    expect(withCover['media:content']['media:credit']).toContain('摄影');
    const audio = list.find((item) => item.enclosure);
    expect(audio.enclosure['@type']).toBe('audio/mpeg');
    // A video page (not a file) is a link, not an enclosure.
    expect(list.filter((item) => item.enclosure).every((item: any) => item.enclosure['@url'].endsWith('.mp3'))).toBe(true);
  });

  test('full text: no script, no relative or unsafe URLs, text kept as text', () => {
    for (const item of list) {
      const html: string = item['content:encoded'];
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/\son\w+\s*=/i);
      for (const url of urlsIn(html)) expect(url, url).toMatch(/^(https?:|mailto:)/);
      expect(html).toContain('https://site.example.org/stories/other/');
      expect(html).toContain(`${item.link}#part-2`);
      expect(html).toContain('https://site.example.org/uploads/a.jpg');
      expect(html).not.toContain('javascript:');
      expect(html).not.toContain('evil.example');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt;');
      expect(html).toContain('😀👍🏽');
    }
  });

  test('titles stay on one line and within bounds, emoji intact', () => {
    for (const item of list) {
      expect(item.title).not.toMatch(/\n/);
      expect(Array.from(item.title as string).length).toBeLessThanOrEqual(300);
      expect(item.title).toContain('😀');
    }
  });
});

describe('what an aggregator makes of a description', () => {
  // An aggregator decodes the XML once (fast-xml-parser does the same), then renders the
  // description as HTML: whatever a person typed must come out of that as the same text.
  const typed = `<img src=x onerror=alert(1)> <b>粗体</b> &amp; &lt;i&gt; ${HOSTILE}`;
  const xml = buildRss({ ...channel, description: typed }, [
    storyItem(story(1, { summary: typed }), { url: 'https://site.example.org/stories/s-1/', categories: [] }),
    goodDeedItem(
      {
        documentId: 'deed1',
        title: typed,
        doer: typed,
        unit: null,
        date: '2020-06-12',
        updatedAt: '2026-11-24T19:57:58.237Z',
        description: typed,
        placeName: '咸安区',
        sample: false,
      },
      { url: 'https://site.example.org/figures/f/#deed-deed1', categories: ['接力做好事'] },
    ),
  ]);
  const rss = parseXml(xml).rss;
  /** The description rendered as HTML: its elements, and its text. */
  const asHtml = (html: string) => {
    const nodes = parseFragment(html).childNodes;
    return {
      elements: nodes.filter((node) => node.nodeName !== '#text').map((node) => node.nodeName),
      text: nodes.map((node) => ('value' in node ? node.value : '')).join(''),
    };
  };

  const item = (guid: string) => rss.channel.item.find((candidate: any) => candidate.guid['#text'] === guid);

  test.each([
    ['a story', () => item('urn:campaign-desk:story:doc1').description],
    ['a good deed', () => item('urn:campaign-desk:goodDeed:deed1').description],
    ['the channel', () => rss.channel.description],
  ])('of %s holds no markup, only the text as typed', (_what, description) => {
    const { elements, text } = asHtml(description());
    expect(elements).toEqual([]);
    expect(text).toBe(plainLine(typed, 2000));
  });

  test('titles stay plain text, escaped once', () => {
    expect(item('urn:campaign-desk:goodDeed:deed1').title).toBe(plainLine(typed));
    expect(xml).toContain('<title>&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('media and the 听新闻 podcast', () => {
  const file = { url: 'https://cms.example.cn/uploads/ting.m4a', mime: 'audio/mp4', bytes: 3_456_789, seconds: 245, captionsUrl: null };
  const episode = storyItem(story(1, { kind: 'news', media: file, mediaUrl: null }), {
    url: 'https://site.example.org/stories/ting/',
    categories: [],
  });
  const podcast = { author: '咸宁市“六大”活动办', imageUrl: 'https://site.example.org/share-card.png', category: 'News' };

  test('a story’s own file is enclosed with its size and type, and described in Media RSS with its length', () => {
    const [item] = parseXml(buildRss(channel, [episode])).rss.channel.item;
    expect(item.enclosure).toMatchObject({ '@url': file.url, '@length': '3456789', '@type': 'audio/mp4' });
    expect(item['media:content']).toMatchObject({ '@url': file.url, '@medium': 'audio', '@fileSize': '3456789', '@duration': '245' });
    const json = JSON.parse(buildJsonFeed(channel, [episode]));
    expect(json.items[0].attachments).toEqual([
      { url: file.url, mime_type: 'audio/mp4', size_in_bytes: 3_456_789, duration_in_seconds: 245 },
    ]);
  });

  test('the podcast carries the iTunes fields a podcast app needs, per channel and per episode', () => {
    const xml = buildRss(channel, [episode], 50, podcast);
    expect(xml).toContain('xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"');
    const { channel: parsed } = parseXml(xml).rss;
    expect(parsed['itunes:image']['@href']).toBe(podcast.imageUrl);
    expect(parsed['itunes:category']['@text']).toBe('News');
    expect(String(parsed['itunes:explicit'])).toBe('false');
    expect(parsed['itunes:author']).toBe(podcast.author);
    expect(parsed['itunes:owner']['itunes:name']).toBe(podcast.author);
    expect(parsed.image.url).toBe(podcast.imageUrl);
    expect(String(parsed.item[0]['itunes:duration'])).toBe('245');
    // Without `podcast`, no iTunes namespace.
    expect(buildRss(channel, [episode])).not.toContain('itunes');
  });

  test('the podcast’s artwork is a square PNG of 1400 to 3000 px, as Apple Podcasts requires', async () => {
    expect(PODCAST.imageUrl()).toMatch(/\/podcast-artwork\.png$/);
    const artwork = await sharp(fileURLToPath(new URL(`../../public${PODCAST_ARTWORK.path}`, import.meta.url))).metadata();
    expect([artwork.format, artwork.width, artwork.height]).toEqual(['png', PODCAST_ARTWORK.width, PODCAST_ARTWORK.height]);
    expect(artwork.width).toBeGreaterThanOrEqual(1400);
    expect(artwork.width).toBeLessThanOrEqual(3000);
    expect(artwork.space).toBe('srgb');
  });

  test('episodes are the stories with audio of their own, or audio stories linking to an audio file', () => {
    expect(isPodcastEpisode({ kind: 'news', media: file, mediaUrl: null })).toBe(true);
    expect(isPodcastEpisode({ kind: 'video', media: { ...file, mime: 'video/mp4' }, mediaUrl: null })).toBe(false);
    expect(isPodcastEpisode({ kind: 'audio', media: null, mediaUrl: 'https://a.cn/x.mp3' })).toBe(true);
    expect(isPodcastEpisode({ kind: 'audio', media: null, mediaUrl: 'https://a.cn/page/' })).toBe(false);
  });
});

test('a good deed is an item of its own: guid, link to where it is shown, its date in Shanghai, photo and sample notice', () => {
  const item = goodDeedItem(
    {
      documentId: 'deed1',
      title: '为独居老人理发',
      doer: '某社区党支部',
      unit: '咸安区某社区',
      date: '2020-06-06',
      updatedAt: '2026-11-24T19:57:58.237Z',
      description: '上门理发。',
      placeName: '咸安区',
      sample: true,
    },
    {
      url: 'https://site.example.org/figures/tang-guangyou/#deed-deed1',
      categories: ['接力做好事', '咸安区'],
      image: {
        url: 'https://site.example.org/media/d.jpg',
        type: 'image/jpeg',
        width: 800,
        height: 600,
        credit: '通讯员 摄',
        caption: null,
        alt: '理发',
      },
    },
  );
  expect(item.guid).toBe('urn:campaign-desk:goodDeed:deed1');
  expect(item.pubDate.toISOString()).toBe('2020-06-05T16:00:00.000Z');
  expect(item.contentHtml).toContain('【示例】');
  expect(item.contentHtml).toContain('某社区党支部（咸安区某社区） · 咸安区 · 2020年6月6日');
  const parsed = parseXml(buildRss(channel, [item])).rss.channel.item[0];
  expect(parsed.link).toBe('https://site.example.org/figures/tang-guangyou/#deed-deed1');
  expect(parsed['media:content']['media:credit']).toBe('通讯员 摄');
  expect(parsed['dc:creator']).toBeUndefined();
});

test('JSON Feed 1.1 parses and carries the same items', () => {
  const feed = JSON.parse(buildJsonFeed(channel, items));
  expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
  expect(feed.feed_url).toBe(channel.selfUrl);
  expect(feed.items).toHaveLength(50);
  for (const item of feed.items) {
    expect(item.id).toMatch(/^urn:campaign-desk:story:/);
    expect(item.content_html).not.toMatch(/<script|[\u0000-\u0008]/i);
    for (const url of urlsIn(item.content_html)) expect(url).toMatch(/^(https?:|mailto:)/);
    expect(item.authors).toHaveLength(2);
  }
  expect(feed.items.find((item: any) => item.attachments)?.attachments[0].mime_type).toBe('audio/mpeg');
});

test('OPML parses and lists every feed', () => {
  const xml = buildOpml(
    `订阅 ${HOSTILE}`,
    [
      {
        group: '全站',
        title: `全部 ${HOSTILE}`,
        xmlUrl: 'https://site.example.org/rss.xml',
        htmlUrl: 'https://site.example.org/',
        description: HOSTILE,
      },
      {
        group: '专栏',
        title: '专栏一',
        xmlUrl: 'https://site.example.org/feeds/columns/a.xml',
        htmlUrl: 'https://site.example.org/columns/a/',
        description: 'x',
      },
      {
        group: '专栏',
        title: '专栏二',
        xmlUrl: 'https://site.example.org/feeds/columns/b.xml',
        htmlUrl: 'https://site.example.org/columns/b/',
        description: 'y',
      },
    ],
    new Date(),
  );
  const opml = parseXml(xml).opml;
  const feeds = opml.body.outline.flatMap((group: any) => group.outline);
  expect(feeds.map((feed: any) => feed['@xmlUrl'])).toHaveLength(3);
  expect(feeds.every((feed: any) => feed['@type'] === 'rss')).toBe(true);
});

test('feed builders refuse relative URLs rather than emit them', () => {
  expect(() => buildRss({ ...channel, selfUrl: '/rss.xml' }, [])).toThrow(/absolute/);
});

test('the shared renderer makes every URL absolute against the story URL', () => {
  const html = renderBlocks(body, { baseUrl: 'https://site.example.org/stories/s/' });
  for (const url of urlsIn(html)) expect(url).toMatch(/^https:\/\//);
});
