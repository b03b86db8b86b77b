/**
 * The frame of every page of the fixture site as built once by the global setup: which pages
 * there are, links, assets, scripts, footer, share card and head. What pages carry is in
 * content.test.ts, 图文直播 in live.test.ts, feeds, calendar and sitemap in feeds.test.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { STORY_KINDS } from '@campaign-desk/shared';
import { LIVE_SLUG } from '../support/fixture';
import sharp from 'sharp';
import { ELDER_MODE_SCRIPT } from '../../src/lib/elder-mode';
import { LIVE_POLL_SCRIPT } from '../../src/lib/live-script';
import { LIKE_SCRIPT } from '../../src/lib/like-script';
import { LISTEN_LOADER } from '../../src/lib/listen';
import { TEST_FOOTER, TEST_SITE_URL } from '../support/global-setup';
import { attr, read, scriptsIn, tags } from '../support/dist';
import { resolveInDir } from '../support/static-server';
import { urlsIn } from '../support/xml';
import { bySlug, dist, expectWholeSite, files, internalPath, isAnswerPage, of, pages, site } from '../support/built-site';

expectWholeSite();

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
      // The fixture's records fit the 16 search shards there are at least (lib/search-shards.ts).
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
    // The thank-you page and the quiz's posters are where the CMS sends a reader, not pages one follows a link to.
    const unreachable = [...pages.keys()].filter((page) => page !== '/404.html' && !isAnswerPage(page) && !seen.has(page));
    expect(unreachable).toEqual([]);
  });

  test('a page’s first script is the 长者模式 switch, exactly (on a story page with the 听 loader, with 点赞 buttons their script); only the search page (Pagefind’s UI), the pages with a form (its one module) and a live on air (its entries) load more', () => {
    // The forms' one bundle (the participation script with the ALTCHA widget), and the quiz's.
    const FORM_PAGES: Record<string, 'forms' | 'quiz'> = {
      '/jianyan/': 'forms',
      '/goodDeeds/': 'forms',
      '/figures/tang-guangyou/': 'forms',
      '/quiz/yijian-zhishi-jingda/': 'quiz',
      // 宣讲点单: each topic's page books it.
      '/xuanjiang/yijian-tongsu-jiedu/': 'forms',
      '/xuanjiang/tese-chanye-zengzhangji/': 'forms',
      '/xuanjiang/ziran-shengtai-gongyuan-chengshi/': 'forms',
      '/xuanjiang/xuexi-tang-guangyou/': 'forms',
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
});
