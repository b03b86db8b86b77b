/**
 * The fixture site as built once by the global setup: every page, link, asset, feed,
 * calendar and sitemap entry.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { DEFAULT_SUBMIT_URL, STORY_KINDS, SUGGESTION_TOPICS } from '@campaign-desk/shared';
import { SAMPLE_DATE_NOTE } from '../../src/lib/site';
import {
  CAPTIONS,
  FRAMED_URL,
  HOSTILE_DEED_ID,
  HOSTILE_ENTRY_ID,
  HOSTILE_STORY_ID,
  HOSTILE_SUGGESTION_ID,
  LIVE_SLUG,
  MEDIA_STORIES,
  readFixture,
} from '../support/fixture';
import sharp from 'sharp';
import { ELDER_MODE_SCRIPT } from '../../src/lib/elder-mode';
import { LIVE_POLL_SCRIPT } from '../../src/lib/live-script';
import { LIKE_SCRIPT } from '../../src/lib/like-script';
import { LISTEN_LOADER } from '../../src/lib/listen';
import { TEST_FOOTER, TEST_SITE_URL } from '../support/global-setup';
import { attr, pagePath, read, scriptsIn, tags, walk } from '../support/dist';
import { resolveInDir } from '../support/static-server';
import { parseXml, urlsIn } from '../support/xml';

const dist = inject('distDir');
const fixture = readFixture();
const of = (type: string) => fixture.records.filter((record) => record.type === type);
const bySlug = (type: string, slug: string) => of(type).find((record) => record.slug === slug)!;
const files = walk(dist);
const htmlFiles = files.filter((file) => file.endsWith('.html'));
/** A live's embeddable page is bare on purpose (no site frame, noindex): partners frame it. Tested on its own below. */
const isEmbed = (page: string) => /^\/lives\/[^/]+\/embed\/$/.test(page);
const allPages = new Map(htmlFiles.map((file) => [pagePath(dist, file), readFileSync(file, 'utf8')]));
const pages = new Map([...allPages].filter(([page]) => !isEmbed(page)));
const feedFiles = files.filter((file) => /\/feeds\/.+\.xml$/.test(file) || file.endsWith('/rss.xml'));
const liveFeedFiles = files.filter((file) => /\/lives\/.+\/feed\.xml$/.test(file));
const site = new URL(TEST_SITE_URL);

/** The site path of an internal URL, or null for an external one. */
function internalPath(url: string, from: string): string | null {
  if (/^(mailto:|data:)/.test(url)) return null;
  const resolved = new URL(url, new URL(from, site));
  if (resolved.origin !== site.origin) return null;
  return resolved.pathname + resolved.hash;
}

/** A page's forms that send a report (建言献策, 好人好事), not its 点赞 buttons. */
const reportForms = (html: string) => tags(html, 'form').filter((tag) => attr(tag, 'class') !== 'like');

describe('pages', () => {
  test('every page of the issue exists', () => {
    const expected = [
      '/',
      '/404.html',
      '/search/',
      '/feeds/',
      '/figures/',
      '/events/',
      '/archive/',
      '/coverage/',
      '/columns/',
      '/places/',
      '/opinions/yijian/',
      '/figures/tang-guangyou/',
      '/archive/2020-05/',
      '/jianyan/',
      '/goodDeeds/',
      '/xiexie/',
      ...of('story').map((story) => `/stories/${story.slug}/`),
      '/stories/hostile-story/',
      ...of('theme').map((theme) => `/themes/${theme.slug}/`),
      ...of('activity').map((activity) => `/activities/${activity.slug}/`),
      ...of('column').map((column) => `/columns/${column.slug}/`),
      ...of('outlet').map((outlet) => `/outlets/${outlet.slug}/`),
      ...of('place').map((place) => `/places/${place.slug}/`),
      ...STORY_KINDS.map((kind) => `/kinds/${kind.key}/`),
    ];
    const missing = expected.filter((page) => !pages.has(page));
    expect(missing).toEqual([]);
    for (const file of [
      '/events.ics',
      '/rss.xml',
      '/feed.json',
      '/feeds.opml',
      '/feeds/featured.xml',
      '/feeds/good-deeds.xml',
      '/robots.txt',
      '/sitemap-index.xml',
      // The fixture's records fit the 16 search shards there are at least (lib/search.ts).
      '/pagefind/4-0/pagefind.js',
      '/pagefind/4-0/pagefind-ui.js',
      '/pagefind/4-15/pagefind.js',
    ]) {
      expect(existsSync(path.join(dist, file)), file).toBe(true);
    }
  });

  test('listings are paginated in stable chunks of 20 counted from the oldest story', () => {
    const theme = of('theme').find((record) => record.slug === 'shifanqu')!;
    const total = of('story').filter((story) => story.themeId === theme.documentId).length;
    expect(total).toBeGreaterThan(40);
    const cards = (html: string) => tags(html, 'li').filter((tag) => attr(tag, 'class') === 'story-card').length;
    // The first page holds the newest two chunks; the oldest chunk has a page of its own.
    const first = pages.get('/themes/shifanqu/')!;
    expect(cards(first)).toBe(total - 20);
    expect(first).toContain('href="/themes/shifanqu/1/"');
    expect(first).toContain(`共 ${total} 篇`);
    const oldest = pages.get('/themes/shifanqu/1/')!;
    expect(cards(oldest)).toBe(20);
    expect(oldest).toContain('href="/themes/shifanqu/"');
    expect(oldest).toMatch(/<h1>转型发展示范区（2020年6月\d+日至\d+日）<\/h1>/);
    expect(pages.has('/themes/shifanqu/2/')).toBe(false);
  });

  test('the release holds pages, feeds, client files, images and search shards, and nothing of Astro’s internals', () => {
    const top = new Set(files.map((file) => path.relative(dist, file).split(path.sep)[0]));
    for (const internal of ['content-modules.mjs', 'content-assets.mjs', 'collections', 'server', 'chunks'])
      expect(top.has(internal), internal).toBe(false);
    expect(files.some((file) => file.endsWith('.mjs'))).toBe(false);
    expect(existsSync(path.join(dist, 'favicon.svg'))).toBe(true);
  });

  test('the links people typed into the fixture all lead somewhere (no warnings)', () => {
    expect(inject('warnings')).toEqual([]);
  });

  test('every internal link and asset resolves, fragments included', () => {
    const broken: string[] = [];
    for (const [page, html] of pages) {
      for (const url of urlsIn(html)) {
        const target = internalPath(url, page);
        if (target === null) continue;
        const [pathname, fragment] = target.split('#') as [string, string | undefined];
        const file = resolveInDir(dist, pathname);
        if (file === null) {
          broken.push(`${page} → ${url}`);
          continue;
        }
        if (fragment && file.endsWith('.html')) {
          const targetHtml = readFileSync(file, 'utf8');
          if (!targetHtml.includes(`id="${decodeURIComponent(fragment)}"`)) broken.push(`${page} → ${url} (no #${fragment})`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  test('every page is reachable from the home page', () => {
    const seen = new Set<string>(['/']);
    const queue = ['/'];
    while (queue.length > 0) {
      const page = queue.shift()!;
      const html = pages.get(page);
      if (html === undefined) continue;
      for (const url of urlsIn(html)) {
        const target = internalPath(url, page)?.split('#')[0];
        if (!target || seen.has(target)) continue;
        seen.add(target);
        if (pages.has(target)) queue.push(target);
      }
    }
    // The thank-you page is where the CMS sends a plain form post, not a page one follows a link to.
    const unreachable = [...pages.keys()].filter((page) => page !== '/404.html' && page !== '/xiexie/' && !seen.has(page));
    expect(unreachable).toEqual([]);
  });

  test('a page’s first script is the 长者模式 switch, exactly (on a story page with the 听 loader, with 点赞 buttons their script); only the search page (Pagefind’s UI), the pages with a form (its one module) and a live on air (its entries) load more', () => {
    // The forms' one bundle (the participation script with the ALTCHA widget), and the quiz's.
    const FORM_PAGES: Record<string, 'forms' | 'quiz'> = {
      '/jianyan/': 'forms',
      '/goodDeeds/': 'forms',
      '/figures/tang-guangyou/': 'forms',
      '/quiz/yijian-zhishi-jingda/': 'quiz',
    };
    const modules = { forms: new Set<string>(), quiz: new Set<string>() };
    for (const [page, html] of pages) {
      const scripts = scriptsIn(html).filter((script) => attr(script.tag, 'type') !== 'application/ld+json');
      const [elder, ...others] = scripts;
      // 点赞's script exactly where there are like buttons.
      const own = page.startsWith('/stories/') ? LISTEN_LOADER : html.includes('data-like=') ? LIKE_SCRIPT : null;
      expect(elder?.body, page).toBe(own ? `${ELDER_MODE_SCRIPT};${own}` : ELDER_MODE_SCRIPT);
      if (page === '/search/') {
        expect(others.map((script) => attr(script.tag, 'src') ?? 'inline')).toEqual(['/pagefind/4-0/pagefind-ui.js', 'inline']);
        expect(others[1]!.body).toContain('new PagefindUI(');
      } else if (FORM_PAGES[page]) {
        expect(others, page).toHaveLength(1);
        expect(attr(others[0]!.tag, 'type')).toBe('module');
        modules[FORM_PAGES[page]].add(attr(others[0]!.tag, 'src')!);
      } else if (page === `/lives/${LIVE_SLUG}/`) {
        // On air: the script that fetches new entries, and nothing else.
        expect(others.map((script) => script.body)).toEqual([LIVE_POLL_SCRIPT]);
      } else expect(others, page).toEqual([]);
    }
    // One bundle for every form, one for the quiz, served from the release.
    for (const bundles of Object.values(modules)) {
      expect(bundles.size).toBe(1);
      const [bundle] = [...bundles];
      expect(bundle).toMatch(/^\/_astro\/.+\.js$/);
      expect(existsSync(path.join(dist, bundle!))).toBe(true);
    }
  });

  test('every page’s footer shows the configured conventions of a government site, and nothing else', () => {
    for (const [page, html] of pages) {
      const footer = /<footer class="site-footer">[\s\S]*?<\/footer>/.exec(html)![0];
      const credits = [...footer.matchAll(/<dt>([^<]*)<\/dt>\s*<dd>([\s\S]*?)<\/dd>/g)].map((match) => [
        match[1],
        match[2]!.replace(/\s+/g, ' ').trim(),
      ]);
      expect(
        credits.map(([label]) => label),
        page,
      ).toEqual(['主办单位', '联系我们', 'ICP备案号', '政府网站标识码']);
      expect(credits[0]![1]).toBe(TEST_FOOTER.sponsor);
      expect(credits[1]![1]).toContain('电话 <a href="tel:07158123456">0715-8123456</a>');
      expect(credits[1]![1]).toContain('邮箱 <a href="mailto:contact@example.org">contact@example.org</a>');
      expect(credits[1]![1]).not.toContain('地址');
      expect(credits[2]![1]).toBe('<a href="https://beian.miit.gov.cn/" rel="noopener">鄂ICP备12345678号-1</a>');
      expect(credits[3]![1]).toBe('4212000001');
      // Not configured, so not shown, and not made up either.
      for (const absent of ['承办单位', '公安备案', '公网安备', 'beian.mps.gov.cn']) expect(footer, page).not.toContain(absent);
    }
  });

  test('every story page has the share card WeChat and Weibo read: an absolute image of 300 px or more with its size, and a description', async () => {
    const siteCard = await sharp(path.join(dist, 'share-card.png')).metadata();
    expect([siteCard.width, siteCard.height]).toEqual([600, 600]);
    for (const story of [...of('story'), { slug: 'hostile-story' }]) {
      const html = pages.get(`/stories/${story.slug}/`)!;
      const meta = (property: string) => attr(tags(html, 'meta').find((tag) => attr(tag, 'property') === property) ?? '', 'content');
      const image = new URL(meta('og:image')!);
      expect(image.origin, story.slug).toBe(site.origin);
      expect(existsSync(path.join(dist, image.pathname)), story.slug).toBe(true);
      expect(Number(meta('og:image:width'))).toBeGreaterThanOrEqual(300);
      expect(Number(meta('og:image:height'))).toBeGreaterThanOrEqual(300);
      expect(meta('og:image:alt')).toBeTruthy();
      const description = meta('og:description')!;
      expect([...description].length, story.slug).toBeLessThanOrEqual(120);
      expect(description.length).toBeGreaterThan(0);
      expect(meta('og:url')).toBe(new URL(`/stories/${story.slug}/`, site).href);
    }
    // A story with a cover shares its cover's copy; one without, the site's own card.
    const covered = pages.get('/stories/sample-story-001/')!;
    expect(covered).toMatch(new RegExp(`<meta property="og:image" content="${TEST_SITE_URL}/media/[0-9a-f]{24}-1200\\.jpg">`));
    expect(covered).toMatch(/<meta property="og:image:width" content="1200">\s*<meta property="og:image:height" content="675">/);
    // The fixture's stories have no images but the few the test adds (support/fixture.ts).
    const uncovered = bySlug('story', 'sample-story-040');
    expect(uncovered.body.some((block: { type: string }) => block.type === 'image')).toBe(false);
    expect(pages.get(`/stories/${uncovered.slug}/`)).toContain(`<meta property="og:image" content="${TEST_SITE_URL}/share-card.png">`);
    // Without a summary, the description is the start of the text.
    const unsummarised = of('story').find((story) => !story.summary);
    if (unsummarised) expect(pages.get(`/stories/${unsummarised.slug}/`)).toMatch(/<meta property="og:description" content="[^"]{20,}">/);
  });

  test('this build is a preview, and every page says so and asks search engines to stay away', () => {
    for (const [page, html] of pages) {
      expect(html, page).toContain('<aside class="preview-banner" aria-label="预览版说明"><p><strong>预览版</strong>');
      expect(html, page).toContain('<meta name="robots" content="noindex, nofollow">');
    }
    expect(read(dist, '/robots.txt')).toContain('Disallow: /');
  });

  test('what is invented is marked 示例 wherever it shows: events, their placeholder dates, the 《意见》’s adoption, placements', () => {
    const events = pages.get('/events/')!;
    for (const event of of('event')) {
      const item = new RegExp(`<li class="story-card" id="${event.slug}">[\\s\\S]*?</li>`).exec(events)![0];
      expect(item.includes(`title="${SAMPLE_DATE_NOTE}">示例</span>`), event.slug).toBe(event.sampleDate);
      expect(/<h3><span class="badge badge-kind">[^<]*<\/span><span class="badge badge-sample"/.test(item), event.slug).toBe(event.sample);
    }
    expect(
      of('event')
        .filter((event) => event.sampleDate)
        .map((event) => event.slug),
    ).toEqual([
      'lingdao-xiaozu-gongzuo-huiyi',
      'yantaohui-zengzhangji',
      'yantaohui-shifanqu',
      'yantaohui-gongyuan-chengshi',
      'shiwei-quanti-kuoda-huiyi',
    ]);
    for (const page of ['/opinions/yijian/', '/'])
      expect(pages.get(page), page).toMatch(
        new RegExp(`2020年9月28日</time><span class="badge badge-sample" title="${SAMPLE_DATE_NOTE}">`),
      );
    const plenaryReport = of('story').find(
      (story) => story.eventId === of('event').find((event) => event.slug === 'shiwei-quanti-kuoda-huiyi')!.documentId,
    )!;
    expect(pages.get(`/stories/${plenaryReport.slug}/`)).toContain(`</time><span class="badge badge-sample" title="${SAMPLE_DATE_NOTE}">`);
    const placed = of('story').find((story) => story.documentId === of('placement')[0]!.storyId)!;
    expect(pages.get(`/stories/${placed.slug}/`)).toMatch(/id="placements"[\s\S]*?<li>\s*<span class="badge badge-sample"/);
  });

  test('a listing per story kind, and each story links to its kind', () => {
    for (const kind of STORY_KINDS) {
      const html = pages.get(`/kinds/${kind.key}/`)!;
      expect(html).toContain(`<h1>${kind.name}</h1>`);
      expect(html).toContain(`href="/feeds/kinds/${kind.key}.xml"`);
    }
    const story = of('story').find((record) => record.kind === 'video')!;
    expect(pages.get(`/stories/${story.slug}/`)).toContain('<a class="badge badge-kind" href="/kinds/video/">视频</a>');
  });

  test('every page is in Chinese, with a skip link, landmarks, canonical URL, Open Graph and a feed link', () => {
    for (const [page, html] of pages) {
      expect(html, page).toContain('<html lang="zh-CN">');
      expect(html, page).toMatch(/<a class="skip-link" href="#main">/);
      expect(html, page).toMatch(/<main id="main"/);
      expect(html, page).toMatch(/<header class="site-header"/);
      expect(html, page).toMatch(/<footer class="site-footer">/);
      const alternate = tags(html, 'link').filter((tag) => attr(tag, 'rel') === 'alternate' && attr(tag, 'type') === 'application/rss+xml');
      expect(alternate.length, page).toBeGreaterThan(0);
      if (page !== '/404.html') {
        const canonical = tags(html, 'link').find((tag) => attr(tag, 'rel') === 'canonical');
        expect(attr(canonical ?? '', 'href'), page).toBe(new URL(page, site).href);
        expect(html, page).toMatch(/<meta property="og:title" content="[^"]+"/);
      }
      for (const img of tags(html, 'img')) expect(attr(img, 'alt'), `${page} ${img}`).toBeDefined();
      expect(html).not.toMatch(/fonts\.googleapis|@font-face/);
    }
  });

  test('the home page carries the campaign, the six activities, the phases, 唐光友, the 《意见》, events and coverage', () => {
    const home = pages.get('/')!;
    for (const activity of of('activity')) expect(home).toContain(`href="/activities/${activity.slug}/"`);
    expect(home).toMatch(/<li class="current" aria-current="step">[\s\S]*?转型发展示范区/);
    expect(home).toContain('当前处于第2阶段');
    expect(home).toContain('href="/figures/tang-guangyou/"');
    // The fixture's twelve good deeds and the hostile one a reader reported.
    expect(home).toMatch(/<strong>13<\/strong><span>件好事已接力/);
    expect(home).toContain('href="/opinions/yijian/"');
    expect(home).toContain('近期日程');
    expect(home).toMatch(/中央主流媒体/);
    for (const column of of('column')) expect(home).toContain(`href="/columns/${column.slug}/"`);
  });

  test('a story’s own video plays in the page: poster, length, captions copied to the site, metadata only, never autoplay', () => {
    const html = pages.get(`/stories/${MEDIA_STORIES.video}/`)!;
    const [video] = tags(html, 'video');
    expect(video).toBeDefined();
    expect(attr(video!, 'preload')).toBe('metadata');
    expect(video).not.toMatch(/\sautoplay\b/);
    expect(video).toMatch(/\scontrols\b/);
    expect(attr(video!, 'poster')).toMatch(/^\/media\/[0-9a-f]{24}-\d+\.jpg$/);
    expect(attr(tags(html, 'source')[0]!, 'src')).toMatch(/\/uploads\/zoubian\.mp4$/);
    const [track] = tags(html, 'track');
    expect(attr(track!, 'kind')).toBe('captions');
    expect(attr(track!, 'srclang')).toBe('zh');
    expect(read(dist, attr(track!, 'src')!)).toBe(CAPTIONS);
    expect(html).toContain('<time datetime="PT1M35S">1分35秒</time>');
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!);
    expect(ld.video).toMatchObject({ '@type': 'VideoObject', duration: 'PT1M35S', encodingFormat: 'video/mp4' });
    // The poster stands for the cover: the picture is not shown twice.
    expect(tags(html, 'picture')).toHaveLength(0);

    const audio = pages.get(`/stories/${MEDIA_STORIES.audio}/`)!;
    expect(attr(tags(audio, 'audio')[0]!, 'preload')).toBe('metadata');
    expect(audio).toContain('<time datetime="PT1H2M5S">1小时2分5秒</time>');
  });

  test('a link on an allowed platform plays in a sandboxed frame; any other stays a link', () => {
    const html = pages.get(`/stories/${MEDIA_STORIES.framed}/`)!;
    const [frame] = tags(html, 'iframe');
    expect(attr(frame!, 'src')).toBe(FRAMED_URL);
    expect(attr(frame!, 'sandbox')).toBe('allow-scripts allow-same-origin allow-presentation allow-popups');
    expect(attr(frame!, 'sandbox')).not.toContain('allow-top-navigation');
    for (const story of of('story').filter((story) => story.mediaUrl && story.slug !== MEDIA_STORIES.framed)) {
      const page = pages.get(`/stories/${story.slug}/`)!;
      expect(tags(page, 'iframe'), story.slug).toHaveLength(0);
    }
  });

  test('a story page has everything the issue lists', () => {
    const story = of('story').find((record) => record.slug === 'sample-story-001')!;
    const html = pages.get('/stories/sample-story-001/')!;
    expect(html).toContain('<h1><span class="badge badge-sample"');
    expect(html).toContain('2020年4月22日');
    expect(html).toContain(story.bylines[0]);
    expect(html).toContain(`href="${story.mediaUrl}"`);
    expect(html).toContain('property="og:type" content="article"');
    const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1];
    const json = JSON.parse(ld!);
    expect(json).toMatchObject({ '@type': 'NewsArticle', headline: story.title, datePublished: story.date, inLanguage: 'zh-CN' });
    expect(json.image[0]).toMatch(new RegExp(`^${TEST_SITE_URL}/media/[0-9a-f]{24}-1200\\.jpg$`));
    // The cover through sharp: responsive WebP and JPEG copies, the original's size set, caption and credit.
    const picture = /<picture>.*?<\/picture>/s.exec(html)![0];
    expect(picture).toMatch(/type="image\/webp"/);
    expect(attr(tags(picture, 'source')[0]!, 'srcset')).toMatch(/360w.*720w.*1080w/);
    const img = tags(picture, 'img')[0]!;
    expect(attr(img, 'width')).toBe('1600');
    expect(attr(img, 'height')).toBe('900');
    expect(html).toContain('咸宁高新区重点项目建设现场。（记者 张三 摄）');
    expect(html).toMatch(/rel="(prev|next)"/);
    expect(html).toContain('相关稿件');
  });

  test('print editions, placements (上稿), clauses and figures show on the stories that have them', () => {
    const printed = of('story').find((story) => story.printEdition)!;
    expect(pages.get(`/stories/${printed.slug}/`)).toContain('首发版面');
    const placement = of('placement')[0]!;
    const placed = of('story').find((story) => story.documentId === placement.storyId)!;
    expect(pages.get(`/stories/${placed.slug}/`)).toContain('媒体刊播（上稿）');
    const interpretation = of('story').find((story) => story.clauseIds.length > 0)!;
    const html = pages.get(`/stories/${interpretation.slug}/`)!;
    expect(html).toContain(`/opinions/yijian/#clause-${interpretation.clauseIds[0]}`);
    const withFigure = of('story').find((story) => story.figureIds.length > 0)!;
    expect(pages.get(`/stories/${withFigure.slug}/`)).toContain('href="/figures/tang-guangyou/"');
  });

  test('hostile text reaches readers as text, never as markup', () => {
    const html = pages.get('/stories/hostile-story/')!;
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(
      scriptsIn(html).filter((script) => attr(script.tag, 'type') !== 'application/ld+json' && !script.body.startsWith(ELDER_MODE_SCRIPT)),
    ).toEqual([]);
    expect(tags(html, 'img').some((tag) => /\sonerror/i.test(tag))).toBe(false);
    expect(urlsIn(html).filter((url) => /^javascript:/i.test(url))).toEqual([]);
    expect(html).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });

  test('the 《意见》 has an anchor per clause with its interpretations beside it', () => {
    const html = pages.get('/opinions/yijian/')!;
    const opinion = of('opinion')[0]!;
    for (const clause of opinion.clauses) expect(html).toContain(`id="clause-${clause.documentId}"`);
    const interpreted = of('story').find((story) => story.clauseIds.length > 0)!;
    const section = new RegExp(`id="clause-${interpreted.clauseIds[0]}"[\\s\\S]*?</section>`).exec(html)![0];
    expect(section).toContain(`href="/stories/${interpreted.slug}/"`);
  });

  test('the figure page carries the relay of good deeds', () => {
    const html = pages.get('/figures/tang-guangyou/')!;
    // The fixture's good deeds and the hostile one a reader reported.
    expect(html).toContain(`接力做好事（${of('goodDeed').length + 1} 件）`);
    for (const deed of of('goodDeed')) expect(html).toContain(`id="deed-${deed.documentId}"`);
    expect(html).toMatch(/<picture>/);
  });

  test('建言献策: the form posts to the CMS’s route and works without a script; the wall shows adopted suggestions with replies and counts by topic', () => {
    const html = pages.get('/jianyan/')!;
    const [form] = reportForms(html);
    expect(attr(form!, 'action')).toBe(`${DEFAULT_SUBMIT_URL}/suggestion`);
    expect(attr(form!, 'method')).toBe('post');
    expect(attr(form!, 'enctype')).toBe('multipart/form-data');
    for (const name of ['topic', 'text', 'name', 'contact', 'consent', 'website']) expect(html, name).toContain(`name="${name}"`);
    expect(html).toContain(`challenge="${DEFAULT_SUBMIT_URL}/challenge"`);
    expect(html).toContain('天后自动删除');
    const suggestions = of('suggestion');
    expect(html).toContain('<h2 id="wall">已采纳的建议</h2>');
    // The test site is a preview, so its samples count (a public build counts what is fact).
    for (const suggestion of suggestions) {
      expect(html).toContain(`id="s-${suggestion.documentId}"`);
      expect(html).toContain(suggestion.reply);
    }
    for (const topic of SUGGESTION_TOPICS) {
      const count = suggestions.filter((suggestion) => suggestion.topic === topic.key).length + (topic.key === 'qita' ? 1 : 0);
      expect(html).toContain(`<span>${topic.name}</span> <strong>${count}</strong>`);
    }
  });

  test('good deeds readers reported join the relay, marked as such, and the relay’s pages have the form to report one', () => {
    const html = pages.get('/goodDeeds/')!;
    const deeds = [...of('goodDeed'), { documentId: HOSTILE_DEED_ID, reportedByPublic: true }];
    for (const deed of deeds) expect(html).toContain(`id="deed-${deed.documentId}"`);
    const marked = tags(html, 'span').filter((tag) => attr(tag, 'class') === 'badge badge-public');
    expect(marked).toHaveLength(deeds.filter((deed) => deed.reportedByPublic).length);
    expect(html).toContain(`<strong>${deeds.filter((deed) => deed.reportedByPublic).length}</strong><span>件由群众报告</span>`);
    for (const page of ['/goodDeeds/', '/figures/tang-guangyou/']) {
      const [form] = reportForms(pages.get(page)!);
      expect(attr(form!, 'action'), page).toBe(`${DEFAULT_SUBMIT_URL}/good-deed`);
      expect(pages.get(page)).toContain('name="photo" type="file"');
      expect(pages.get(page)).toContain('name="figure" value="tang-guangyou"');
    }
    expect(pages.get('/')).toContain('件由群众报告');
  });

  test('点赞: every good deed, figure and adopted suggestion has a like form that posts without a script, and no count is baked in', () => {
    const likeForms = (page: string) => tags(pages.get(page)!, 'form').filter((tag) => attr(tag, 'class') === 'like');
    const cases: Array<[string, string, string[]]> = [
      ['/goodDeeds/', 'good-deed', [...of('goodDeed').map((deed) => deed.documentId), HOSTILE_DEED_ID]],
      ['/jianyan/', 'suggestion', of('suggestion').map((suggestion) => suggestion.documentId)],
      ['/figures/tang-guangyou/', 'figure', of('figure').filter((figure) => figure.slug === 'tang-guangyou').map((figure) => figure.documentId)],
    ];
    for (const [page, kind, ids] of cases) {
      const forms = likeForms(page);
      for (const id of ids) {
        const form = forms.find((tag) => attr(tag, 'action') === `${DEFAULT_SUBMIT_URL}/like/${kind}/${id}`);
        expect(form, `${page} ${id}`).toBeDefined();
        expect(attr(form!, 'method')).toBe('post');
        expect(attr(form!, 'data-counts')).toBe(`${DEFAULT_SUBMIT_URL}/likes`);
      }
      expect(pages.get(page)).toContain('<input type="hidden" name="like" value="1">');
      expect(pages.get(page)).toMatch(/<span class="like-count" data-count><\/span>/);
    }
  });

  test('what readers sent reaches other readers as text, never as markup, in the good deeds feed too', () => {
    const xml = read(dist, '/feeds/good-deeds.xml');
    expect(xml).not.toMatch(/<(script|img|i|b)[\s>]/i);
    const fed = (parseXml(xml).rss.channel.item as any[]).find(
      (entry) => entry.guid['#text'] === `urn:campaign-desk:goodDeed:${HOSTILE_DEED_ID}`,
    );
    // As text: the markup is escaped in the item (the test's parser leaves entities as they are).
    expect(String(fed.description)).toContain('&lt;script&gt;alert(&quot;s&quot;)&lt;/script&gt;');

    for (const [page, id] of [
      ['/jianyan/', `s-${HOSTILE_SUGGESTION_ID}`],
      ['/goodDeeds/', `deed-${HOSTILE_DEED_ID}`],
    ] as const) {
      const html = pages.get(page)!;
      const item = new RegExp(`id="${id}"[\\s\\S]*?</li>`).exec(html)![0];
      expect(item).toContain('&lt;script&gt;alert(&quot;s&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
      expect(item).not.toMatch(/<script|<img[^>]*onerror|<b>|<i>/);
      expect(urlsIn(item).filter((url) => /^javascript:/i.test(url))).toEqual([]);
    }
  });

  test('events are split into upcoming and past, grouped by phase', () => {
    const html = pages.get('/events/')!;
    const [upcoming, past] = html.split('id="past"') as [string, string];
    expect(upcoming).toContain('第三阶段 · 自然生态公园城市');
    expect(upcoming).toContain('宣传解读阶段');
    expect(past).toContain('第一阶段 · 特色产业增长极');
    for (const event of of('event')) expect(html).toContain(`id="${event.slug}"`);
  });
});

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
    expect(channel['itunes:image']['@href']).toBe(`${TEST_SITE_URL}/share-card.png`);
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
    // The thank-you page is kept out of search engines (noindex), so out of the sitemap.
    const missing = [...pages.keys()].filter((page) => page !== '/404.html' && page !== '/xiexie/' && !listed.has(page));
    expect(listed.has('/xiexie/')).toBe(false);
    expect(pages.get('/xiexie/')).toContain('<meta name="robots" content="noindex">');
    expect(missing).toEqual([]);
    expect(read(dist, '/robots.txt')).toContain(`Sitemap: ${TEST_SITE_URL}/sitemap-index.xml`);
  });
});

beforeAll(() => {
  expect(pages.size).toBeGreaterThan(200);
});
