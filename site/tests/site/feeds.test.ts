/** The fixture site's feeds (RSS, 听新闻's podcast, JSON Feed, OPML), calendar and sitemap. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { STORY_KINDS } from '@campaign-desk/shared';
import { SAMPLE_DATE_NOTE } from '../../src/lib/site';
import { HOSTILE_DEED_ID, HOSTILE_STORY_ID, MEDIA_STORIES } from '../support/fixture';
import { TEST_SITE_URL } from '../support/global-setup';
import { pagePath, read } from '../support/dist';
import { parseXml, urlsIn } from '../support/xml';
import { bySlug, dist, expectWholeSite, feedFiles, isAnswerPage, of, pages, site } from '../support/built-site';

expectWholeSite();

describe('feeds', () => {
  test('there is a feed per column, theme, activity, outlet, place and story kind, plus the whole campaign, its 重点 stories and its good deeds', () => {
    const expected =
      of('column').length + of('theme').length + of('activity').length + of('outlet').length + of('place').length + STORY_KINDS.length + 4;
    expect(feedFiles.length).toBe(expected);
  });

  test('every RSS feed parses, points at itself, and carries at most 50 full items with absolute URLs', () => {
    for (const file of feedFiles) {
      const xml = readFileSync(file, 'utf8');
      const rss = parseXml(xml).rss;
      const self = new URL(pagePath(dist, file), site).href;
      expect(rss.channel['atom:link']['@href'], file).toBe(self);
      expect(rss.channel.language).toBe('zh-cn');
      expect(rss.channel.lastBuildDate).toBeTruthy();
      const items: any[] = rss.channel.item ?? [];
      expect(items.length).toBeLessThanOrEqual(50);
      for (const item of items) {
        expect(item.guid['@isPermaLink']).toBe('false');
        expect(item.guid['#text']).toMatch(file.endsWith('/good-deeds.xml') ? /^urn:campaign-desk:goodDeed:/ : /^urn:campaign-desk:story:/);
        const html: string = item['content:encoded'];
        expect(html).not.toMatch(/<script/i);
        for (const url of urlsIn(html)) expect(url, `${file}: ${url}`).toMatch(/^(https?:|mailto:)/);
        for (const media of [item['media:content'] ?? []].flat()) {
          // A story's own audio or video is the enclosure, on the CMS; images are the site's copies.
          if (media['@medium'] !== 'image') {
            expect(media['@url']).toBe(item.enclosure['@url']);
            expect(media['@fileSize']).toBe(item.enclosure['@length']);
            continue;
          }
          expect(media['@url']).toMatch(new RegExp(`^${TEST_SITE_URL}/media/`));
          expect(existsSync(path.join(dist, new URL(media['@url']).pathname))).toBe(true);
        }
      }
    }
  });

  test('the whole-campaign feed has the latest 50 stories, the hostile one included as text, with its cover and credit', () => {
    const rss = parseXml(read(dist, '/rss.xml')).rss;
    expect(rss.channel.item).toHaveLength(50);
    const hostile = rss.channel.item.find((item: any) => item.guid['#text'] === `urn:campaign-desk:story:${HOSTILE_STORY_ID}`);
    expect(hostile.title).toContain('<script>alert("x")</script>');
    expect(hostile['content:encoded']).toContain(`${TEST_SITE_URL}/stories/sample-story-001/`);
    expect(hostile['content:encoded']).toContain(`${TEST_SITE_URL}/stories/hostile-story/#top`);
    expect(hostile['media:content']['media:credit']).toBe('credit & co');
    expect(hostile['dc:creator']).toEqual(['记者 <王五>', '通讯员 "赵六"']);
    expect(hostile.category.length).toBeGreaterThan(1);
  });

  test('a kind’s feed carries stories of that kind; the 重点 feed the stories editors marked; the good deeds feed every deed, linked where it is shown', () => {
    const guids = (feed: string) =>
      ((parseXml(read(dist, feed)).rss.channel.item ?? []) as any[]).map((item) => item.guid['#text'] as string);
    const storyGuid = (story: Record<string, any>) => `urn:campaign-desk:story:${story.documentId}`;
    // The fixture has fewer than 50 stories of each kind; the hostile story the build adds is news.
    for (const kind of STORY_KINDS) {
      const expected = of('story')
        .filter((story) => story.kind === kind.key)
        .map(storyGuid);
      if (kind.key === 'news') expected.push(storyGuid({ documentId: HOSTILE_STORY_ID }));
      expect(guids(`/feeds/kinds/${kind.key}.xml`).sort(), kind.key).toEqual(expected.sort());
    }
    const featured = of('story').filter((story) => story.featured);
    expect(featured.length).toBe(5);
    expect(guids('/feeds/featured.xml').sort()).toEqual(featured.map(storyGuid).sort());
    const deeds = parseXml(read(dist, '/feeds/good-deeds.xml')).rss.channel.item as any[];
    // The fixture's and the hostile one a reader reported.
    const deedIds = [...of('goodDeed').map((deed) => deed.documentId), HOSTILE_DEED_ID];
    expect(deeds.map((item) => item.guid['#text']).sort()).toEqual(deedIds.map((id) => `urn:campaign-desk:goodDeed:${id}`).sort());
    for (const item of deeds) {
      const link = new URL(item.link);
      expect(link.pathname, item.link).toBe('/figures/tang-guangyou/');
      expect(pages.get(link.pathname)).toContain(`id="${link.hash.slice(1)}"`);
    }
    expect(deeds.find((item) => item['media:content'])?.['media:content']['media:credit']).toBe('通讯员 李四 摄');
  });

  test('the calendar marks invented events and placeholder dates in their summaries', () => {
    const calendar = new ICAL.Component(ICAL.parse(read(dist, '/events.ics')));
    const summaries = new Map(
      calendar
        .getAllSubcomponents('vevent')
        .map((component) => [
          String(component.getFirstPropertyValue('uid')).split('@')[0],
          String(component.getFirstPropertyValue('summary')),
        ]),
    );
    for (const event of of('event')) {
      const summary = summaries.get(event.documentId)!;
      expect(summary.startsWith('【示例】'), summary).toBe(event.sample);
      expect(summary.endsWith(`（${SAMPLE_DATE_NOTE}）`), summary).toBe(event.sampleDate);
    }
  });

  test('audio stories with a file URL carry an enclosure', () => {
    const xml = readFileSync(feedFiles.find((file) => file.endsWith('/rss.xml'))!, 'utf8');
    const all = feedFiles.flatMap((file) => parseXml(readFileSync(file, 'utf8')).rss.channel.item ?? []);
    const enclosures = all.filter((item: any) => item.enclosure);
    expect(enclosures.length).toBeGreaterThan(0);
    for (const item of enclosures) expect(item.enclosure['@type']).toMatch(/^(audio|video)\//);
    expect(xml).toBeTruthy();
  });

  test('听新闻 is a podcast: the stories with audio, each enclosed with its size, type and length, in the iTunes namespace', () => {
    const xml = read(dist, '/feeds/podcast.xml');
    expect(xml).toContain('xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"');
    const channel = parseXml(xml).rss.channel;
    // Its artwork is in the release: a square of 1400 to 3000 px (unit/feeds.test.ts checks the file).
    expect(channel['itunes:image']['@href']).toBe(`${TEST_SITE_URL}/podcast-artwork.png`);
    expect(existsSync(path.join(dist, 'podcast-artwork.png'))).toBe(true);
    expect(channel['itunes:category']['@text']).toBe('News');
    expect(String(channel['itunes:explicit'])).toBe('false');
    const audio = bySlug('story', MEDIA_STORIES.audio);
    const expected = [audio, ...of('story').filter((story) => story.kind === 'audio' && story.slug !== MEDIA_STORIES.audio)];
    const items = channel.item as any[];
    expect(items.map((item) => item.guid['#text']).sort()).toEqual(
      expected.map((story) => `urn:campaign-desk:story:${story.documentId}`).sort(),
    );
    const own = items.find((item) => item.guid['#text'].endsWith(audio.documentId));
    expect(own.enclosure).toMatchObject({
      '@url': expect.stringMatching(/\/uploads\/tingxinwen\.mp3$/),
      '@length': '1234567',
      '@type': 'audio/mpeg',
    });
    expect(String(own['itunes:duration'])).toBe('3725');
    for (const item of items) expect(item.enclosure['@type']).toMatch(/^audio\//);
  });

  test('JSON Feed 1.1 of the whole campaign', () => {
    const feed = JSON.parse(read(dist, '/feed.json'));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items).toHaveLength(50);
    expect(feed.items[0].id).toMatch(/^urn:campaign-desk:story:/);
  });

  test('the OPML lists every feed, and every feed it lists exists', () => {
    const opml = parseXml(read(dist, '/feeds.opml')).opml;
    const urls = opml.body.outline.flatMap((group: any) => group.outline).map((feed: any) => feed['@xmlUrl']);
    expect(urls.sort()).toEqual(feedFiles.map((file) => new URL(pagePath(dist, file), site).href).sort());
    const directory = pages.get('/feeds/')!;
    for (const url of urls) expect(directory).toContain(url);
  });

  test('the calendar parses with ical.js: every event, in Asia/Shanghai', () => {
    const text = read(dist, '/events.ics');
    const calendar = new ICAL.Component(ICAL.parse(text));
    const zone = calendar.getFirstSubcomponent('vtimezone')!;
    ICAL.TimezoneService.register(zone);
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    expect(events).toHaveLength(of('event').length);
    for (const event of events) {
      const source = of('event').find((record) => event.uid.startsWith(record.documentId))!;
      expect(event.startDate.toJSDate().toISOString()).toBe(new Date(source.startsAt).toISOString());
      expect(event.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Asia/Shanghai');
    }
    // 09:00 in Shanghai for the 01:00Z study session.
    expect(text).toContain('DTSTART;TZID=Asia/Shanghai:20200520T090000');
  });

  test('the sitemap lists every page, and robots.txt points at it', () => {
    const index = parseXml(read(dist, '/sitemap-index.xml'));
    const sitemaps = [index.sitemapindex.sitemap].flat().map((entry: any) => new URL(entry.loc).pathname);
    const listed = new Set(
      sitemaps.flatMap((file) => [parseXml(read(dist, file)).urlset.url].flat().map((entry: any) => new URL(entry.loc).pathname)),
    );
    // The thank-you page and the quiz's posters are kept out of search engines (noindex), so out of the sitemap.
    const missing = [...pages.keys()].filter((page) => page !== '/404.html' && !isAnswerPage(page) && !listed.has(page));
    for (const page of [...pages.keys()].filter(isAnswerPage)) {
      expect(listed.has(page), page).toBe(false);
      expect(pages.get(page), page).toContain('<meta name="robots" content="noindex">');
    }
    expect(missing).toEqual([]);
    expect(read(dist, '/robots.txt')).toContain(`Sitemap: ${TEST_SITE_URL}/sitemap-index.xml`);
  });
});
