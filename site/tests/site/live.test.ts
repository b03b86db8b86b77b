/** 图文直播 on the fixture site: the on-air live's page, its entries file, feed and embeddable page. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { HOSTILE_ENTRY_ID, LIVE_SLUG } from '../support/fixture';
import { LIVE_POLL_SCRIPT } from '../../src/lib/live-script';
import { TEST_SITE_URL } from '../support/global-setup';
import { attr, read, scriptsIn, tags } from '../support/dist';
import { parseXml, urlsIn } from '../support/xml';
import { allPages, dist, expectWholeSite, liveFeedFiles, pages, site } from '../support/built-site';

expectWholeSite();

describe('图文直播', () => {
  const live = `/lives/${LIVE_SLUG}/`;

  test('the live page has every approved entry at load, pinned first then newest first, each saying what it is', () => {
    const html = pages.get(live)!;
    const order = [...html.matchAll(/data-entry="([^"]+)"/g)].map((match) => match[1]);
    expect(order).toEqual([
      'live0entry0000000000000001',
      HOSTILE_ENTRY_ID,
      'live0entry0000000000000004',
      'live0entry0000000000000003',
      'live0entry0000000000000002',
    ]);
    expect(html).toContain('<span class="badge">置顶</span>');
    expect(html).toContain('<span class="badge badge-correction">更正</span>');
    expect(html).toMatch(/<blockquote><p>要把“六大”活动抓实抓细。<\/p><footer>—— 市委主要负责同志<\/footer><\/blockquote>/);
    expect(html).toMatch(/<img src="\/media\/[^"]+" srcset="[^"]+"[^>]* alt="会场全景"/);
    expect(html).toContain('id="live-state">直播中<');
    // Hostile text as text, never markup; the video link kept whole inside its attribute.
    const hostile = /<article[^>]*data-entry="hostile0live0entry0000001"[\s\S]*?<\/article>/.exec(html)![0];
    expect(hostile).not.toMatch(/<script|<img src=x|<b>/);
    expect(hostile).toContain('&lt;script&gt;');
    expect(hostile).toContain('href="https://video.example.org/a.mp4?x=&quot;y&quot;"');
    // A reader's question it answers (网友提问): asked under a hostile nickname, as text too.
    expect(hostile).toContain('<p class="live-question-asker">&lt;b&gt;某&lt;/b&gt; 问：</p><p>&lt;script&gt;');
  });

  test('LiveBlogPosting structured data, the feed, the entries file and the embed snippet', () => {
    const html = pages.get(live)!;
    const ld = scriptsIn(html).find((script) => attr(script.tag, 'type') === 'application/ld+json')!;
    const data = JSON.parse(ld.body);
    expect(data).toMatchObject({
      '@type': 'LiveBlogPosting',
      url: new URL(live, site).href,
      about: { '@type': 'Event', name: '市委全体（扩大）会议' },
    });
    expect(data.liveBlogUpdate).toHaveLength(5);
    const entries = JSON.parse(read(dist, `${live}entries.json`));
    expect(entries).toMatchObject({ state: 'on_air', stateName: '直播中' });
    expect(entries.entries.map((entry: { documentId: string }) => entry.documentId)).toEqual(
      [...html.matchAll(/data-entry="([^"]+)"/g)].map((match) => match[1]),
    );
    expect(attr(tags(html, 'div').find((tag) => attr(tag, 'id') === 'live-entries')!, 'data-src')).toBe(`${live}entries.json`);
    expect(html).toContain(`&lt;iframe src=&quot;${new URL(`${live}embed/`, site).href}&quot;`);
    const embed = allPages.get(`${live}embed/`)!;
    expect(embed).toContain('<meta name="robots" content="noindex">');
    expect(scriptsIn(embed).map((script) => script.body)).toEqual([LIVE_POLL_SCRIPT]);
    expect(embed).toContain('data-entry="live0entry0000000000000002"');
    // The event lists its live.
    expect(pages.get('/events/')).toContain(`href="${live}"`);
  });

  test('the entries feed parses as RSS, points at itself and carries each entry in full with absolute URLs', () => {
    expect(liveFeedFiles).toHaveLength(1);
    const rss = parseXml(readFileSync(liveFeedFiles[0]!, 'utf8')).rss;
    expect(rss.channel['atom:link']['@href']).toBe(new URL(`${live}feed.xml`, site).href);
    const items: any[] = [rss.channel.item].flat();
    expect(items).toHaveLength(5);
    for (const item of items) {
      expect(item.guid['#text']).toMatch(/^urn:campaign-desk:liveEntry:/);
      expect(item.link).toMatch(new RegExp(`^${TEST_SITE_URL}${live}#entry-`));
      const content: string = item['content:encoded'];
      expect(content).not.toMatch(/<script/i);
      for (const url of urlsIn(content)) expect(url).toMatch(/^https?:/);
    }
    expect(items.find((item) => item['media:content'])['media:content']['@url']).toMatch(new RegExp(`^${TEST_SITE_URL}/media/`));
  });
});
