/**
 * The renderer in its worker, as the publisher drives it: which pages a change touches,
 * images made once, person-written links that lead nowhere reported as warnings, and a
 * broken snapshot leaving what is held as it was.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_SITE_DIR, SiteRenderer, type Plan } from '../../renderer';
import { LIVE_SLUG, augmentedFixture, makeImages, serveImages, type ImageServer } from '../support/fixture';
import { TEST_FOOTER, TEST_NOW, TEST_SITE_URL } from '../support/global-setup';
import { pngBomb } from '@campaign-desk/testing/pixel-bomb';
import { startSnapshotApi, type SnapshotApi } from '@campaign-desk/testing/snapshot-api';

let work: string;
let pictures: Awaited<ReturnType<typeof makeImages>>;
let images: ImageServer;
let api: SnapshotApi;
let renderer: SiteRenderer;
let records: Array<Record<string, any>>;

/** A preview unless asked otherwise: the fixture is all sample content, as the demo's. */
const sync = async (full = false, preview = true): Promise<Plan> => {
  const plan = await renderer.sync({
    source: { kind: 'http', url: api.url, token: api.token },
    mediaDir: path.join(work, 'media'),
    now: TEST_NOW,
    preview,
    full,
  });
  await renderer.commit();
  return plan;
};
const changed = (plan: Plan) => plan.pages.changed.map((page) => page.path);
const story = (slug: string) => records.find((record) => record.type === 'story' && record.slug === slug)!;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'campaign-renderer-'));
  pictures = await makeImages();
  images = await serveImages(pictures);
  records = augmentedFixture(images.url).records;
  api = await startSnapshotApi(records);
  // The footer of the suite's other builds, so this renderer reuses their compile.
  renderer = await SiteRenderer.start({ siteDir: DEFAULT_SITE_DIR, siteUrl: TEST_SITE_URL, footer: TEST_FOOTER });
});
afterAll(async () => {
  await renderer?.close();
  await api?.close();
  await images?.close();
  await rm(work, { recursive: true, force: true });
});

describe('planning', () => {
  test('the first plan is every page, every image and every search shard; an unchanged snapshot plans nothing', async () => {
    images.hits.clear();
    const first = await sync(true);
    expect(first.pages.changed).toHaveLength(first.pages.total);
    expect(first.pages.total).toBeGreaterThan(250);
    expect(first.search.length).toBeGreaterThan(0);
    for (const { shard, dir } of first.search) expect(dir).toBe(`pagefind/${shard}`);
    expect(first.media.added.some(({ file }) => /^media\/[0-9a-f]{24}-1080\.webp$/.test(file))).toBe(true);
    expect(images.hits.get('/uploads/cover-a.jpg')).toBe(1);

    const again = await sync();
    expect(again.full).toBe(false);
    expect(again.pages.changed).toEqual([]);
    expect(again.pages.removed).toEqual([]);
    expect(again.search).toEqual([]);
    expect(again.media).toEqual({ added: [], removed: [] });
    expect(images.hits.get('/uploads/cover-a.jpg')).toBe(1);
  });

  test('a new title touches the story, the pages that list it, the feeds that carry it, and its neighbours only', async () => {
    const edited = story('sample-story-040');
    api.publish({ ...edited, title: '【示例】改过的标题', updatedAt: '2026-12-01T00:00:00.000Z' });
    const plan = await sync();
    const paths = changed(plan);
    expect(paths).toContain('/stories/sample-story-040/');
    expect(paths).toContain('/rss.xml');
    expect(paths.some((page) => page.startsWith('/columns/'))).toBe(true);
    expect(paths.some((page) => page.startsWith('/feeds/themes/'))).toBe(true);
    const otherStories = paths.filter((page) => page.startsWith('/stories/') && page !== '/stories/sample-story-040/');
    // Its neighbours in its column (previous/next) and the few stories it is related to, no more.
    expect(otherStories.length).toBeGreaterThan(0);
    expect(otherStories.length).toBeLessThanOrEqual(20);
    expect(plan.pages.removed).toEqual([]);
    expect(plan.search).toHaveLength(1);
    expect(paths.length).toBeLessThan(plan.pages.total / 4);
  });

  test('a new story, the newest, adds its page and changes the first page of each listing, never an older chunk', async () => {
    const template = story('sample-story-050');
    api.publish({ ...template, documentId: 'newest0story000000000001', slug: 'newest-story', date: '2020-12-31T02:00:00.000Z' });
    const paths = changed(await sync());
    expect(paths).toContain('/stories/newest-story/');
    expect(paths).toContain('/');
    expect(paths.some((page) => /^\/(themes|columns|activities|places)\/[^/]+\/$/.test(page))).toBe(true);
    expect(paths.filter((page) => /^\/(themes|columns|activities|places|outlets)\/[^/]+\/\d+\/$/.test(page))).toEqual([]);
    // The sitemap's part that lists the story, not a list of the whole archive.
    expect(paths.filter((page) => page.startsWith('/sitemap-stories-'))).toEqual(['/sitemap-stories-0-0.xml']);
  });

  test('a withdrawal removes the page and touches what showed it', async () => {
    api.withdraw('story', 'newest0story000000000001');
    const plan = await sync();
    expect(plan.pages.removed.map((page) => page.path)).toEqual(['/stories/newest-story/']);
    expect(plan.pages.removed[0]!.file).toBe('stories/newest-story/index.html');
    expect(changed(plan)).toContain('/rss.xml');
  });
});

describe('图文直播', () => {
  const LIVE_FILES = [
    `/lives/${LIVE_SLUG}/`,
    `/lives/${LIVE_SLUG}/embed/`,
    `/lives/${LIVE_SLUG}/entries.json`,
    `/lives/${LIVE_SLUG}/feed.xml`,
  ];
  const approve = (n: number) => {
    const at = new Date(Date.parse('2020-09-28T03:00:00.000Z') + n * 60_000).toISOString();
    const entry = { ...records.find((record) => record.type === 'liveEntry')!, text: `新的第 ${n} 条`, pinned: false };
    api.publish({ ...entry, documentId: `live0entry${String(n).padStart(14, '0')}`, updatedAt: at, postedAt: at });
  };

  test('an approved entry plans the live’s four files and no other page, as many whatever the size of the archive', async () => {
    await sync();
    approve(1);
    const first = await sync();
    expect(first.pages.viewed).toBe(LIVE_FILES.length);
    expect(changed(first).sort()).toEqual(LIVE_FILES);

    // Fifty stories more (a change of stories: planned as such), then another approval.
    const model = story('sample-story-040');
    const bulk = Array.from({ length: 50 }, (_, n) => ({
      ...model,
      documentId: `bulk0story${String(n).padStart(14, '0')}`,
      slug: `bulk-story-${n}`,
      title: `【示例】第 ${n} 篇`,
    }));
    for (const added of bulk) api.publish(added);
    const grown = await sync();
    expect(grown.pages.total).toBeGreaterThanOrEqual(first.pages.total + 50);
    approve(2);
    const second = await sync();
    expect(second.pages.viewed).toBe(LIVE_FILES.length);
    expect(changed(second).sort()).toEqual(LIVE_FILES);

    // A withdrawn entry leaves the same four files.
    api.withdraw('liveEntry', `live0entry${String(2).padStart(14, '0')}`);
    const withdrawn = await sync();
    expect(withdrawn.pages.viewed).toBe(LIVE_FILES.length);
    expect(changed(withdrawn).sort()).toEqual(LIVE_FILES);
    for (const added of bulk) api.withdraw('story', added.documentId);
    await sync();
  });
});

describe('what people type', () => {
  test('a link into the site that leads nowhere, even a malformed one, is a warning naming the record and field', async () => {
    const placement = records.find((record) => record.type === 'placement')!;
    api.publish({ ...placement, url: `${TEST_SITE_URL}/%` });
    const plan = await sync();
    expect(plan.warnings).toEqual([
      expect.stringMatching(new RegExp(`上稿记录（${placement.documentId}）的网址（url）中的链接 “${TEST_SITE_URL}/%”`)),
    ]);
    expect(plan.personUrls).toContain(`${TEST_SITE_URL}/%`);
    api.publish({ ...placement, url: `${TEST_SITE_URL}/stories/no-such-story/` });
    expect((await sync()).warnings).toEqual([expect.stringContaining('指向本站不存在的页面 /stories/no-such-story/')]);
    api.publish(placement);
    expect((await sync()).warnings).toEqual([]);
  });

  test('a picture that decodes to too many pixels is a warning naming its story and field; the other pictures are made', async () => {
    // 16000×16000 is under sharp's default limit (268 million pixels), which would decode it a dozen times.
    pictures.set('/uploads/bomb.png', { body: pngBomb(16_000), type: 'image/png' });
    pictures.set('/uploads/beside-bomb.jpg', pictures.get('/uploads/cover-b.jpg')!);
    const hostile = story('sample-story-070');
    const neighbour = story('sample-story-071');
    const cover = (file: string, width: number, height: number) => ({
      url: `${images.url}/uploads/${file}`,
      width,
      height,
      mime: file.endsWith('.png') ? 'image/png' : 'image/jpeg',
      alt: '封面',
      caption: null,
      credit: null,
    });
    api.publish({ ...hostile, cover: cover('bomb.png', 16_000, 16_000) });
    api.publish({ ...neighbour, cover: cover('beside-bomb.jpg', 1200, 800) });
    const plan = await sync();
    expect(plan.warnings).toEqual([
      `稿件《${hostile.title}》（${hostile.documentId}）的封面（cover）：图片 ${images.url}/uploads/bomb.png 无法处理（16000×16000 像素，超过上限 1.2 亿像素），页面改用 CMS 的原图`,
    ]);
    expect(plan.media.added.filter(({ file }) => file.endsWith('-1080.webp'))).toHaveLength(1);
    expect(changed(plan)).toEqual(expect.arrayContaining(['/stories/sample-story-070/', '/stories/sample-story-071/']));
    api.publish(hostile);
    api.publish(neighbour);
    await sync();
  });

  test('a snapshot that breaks the contract fails the sync and leaves what is held as it was', async () => {
    const good = story('sample-story-060');
    api.publish({ ...good, title: '【示例】不会写入的标题' });
    api.publish({ ...story('sample-story-061'), kind: 'audio', mediaUrl: null });
    await expect(sync()).rejects.toThrow(/field mediaUrl: 音频类稿件必须填写媒体链接/);
    api.publish(story('sample-story-061'));
    const plan = await sync();
    expect(changed(plan)).toContain('/stories/sample-story-060/');
  });
});

describe('a public build and a preview', () => {
  const render = async (paths: string[]): Promise<Map<string, string>> => {
    const files = new Map<string, string>();
    await renderer.render(paths, async (file) => void files.set(file.path, new TextDecoder().decode(file.body)));
    return files;
  };
  const htmlPages = (plan: Plan) =>
    plan.pages.changed.map((page) => page.path).filter((page) => page.endsWith('/') || page.endsWith('.html'));
  const itemsOf = (xml: string) => [...xml.matchAll(/<guid isPermaLink="false">([^<]+)<\/guid>/g)].map((match) => match[1]);
  const feeds = ['/rss.xml', '/feeds/featured.xml', '/feeds/good-deeds.xml', '/feeds/kinds/news.xml'];

  test('a public build carries no sample in feeds or coverage, and drops the preview banner from every page', async () => {
    const plan = await sync(false, false);
    expect(htmlPages(plan)).toHaveLength(plan.pages.html);
    const files = await render(['/', '/coverage/', '/feeds/', '/robots.txt', '/stories/sample-story-040/', ...feeds]);
    for (const feed of feeds) expect(itemsOf(files.get(feed)!), feed).toEqual([]);
    expect(files.get('/coverage/')).toContain('0 / 8');
    expect(files.get('/coverage/')).toContain('暂无核实的上稿记录');
    expect(files.get('/coverage/')).toContain('暂无央媒、省媒的核实上稿记录');
    expect(files.get('/')).toContain('0 / 8');
    expect(files.get('/')).toMatch(/<strong>0<\/strong><span>件好事已接力/);
    for (const page of ['/', '/coverage/', '/stories/sample-story-040/']) {
      expect(files.get(page)).not.toContain('preview-banner');
      expect(files.get(page)).not.toContain('noindex');
    }
    // A sample story is still a page of the site, marked as one.
    expect(files.get('/stories/sample-story-040/')).toContain('badge-sample');
    expect(files.get('/robots.txt')).toContain('Allow: /');
  });

  test('a real story and its verified placement reach the feeds and the coverage figures; their pages are the ones replanned', async () => {
    const real: Record<string, any> = {
      ...story('sample-story-040'),
      sample: false,
      featured: true,
      updatedAt: '2026-12-02T00:00:00.000Z',
    };
    const central = records.find((record) => record.type === 'outlet' && record.level === 'central')!;
    const placement = {
      ...records.find((record) => record.type === 'placement')!,
      documentId: 'real0placement0000000001',
      storyId: real.documentId,
      outletId: central.documentId,
      sample: false,
    };
    api.publish(real);
    api.publish(placement);
    const changed = (await sync(false, false)).pages.changed.map((page) => page.path);
    expect(changed).toEqual(
      expect.arrayContaining([
        '/',
        '/coverage/',
        '/feeds/',
        '/stories/sample-story-040/',
        '/rss.xml',
        '/feeds/featured.xml',
        '/feeds/kinds/news.xml',
      ]),
    );
    expect(changed).not.toContain('/feeds/good-deeds.xml');
    const files = await render(['/', '/coverage/', ...feeds]);
    const guid = `urn:campaign-desk:story:${real.documentId}`;
    expect(itemsOf(files.get('/rss.xml')!)).toEqual([guid]);
    expect(itemsOf(files.get('/feeds/featured.xml')!)).toEqual([guid]);
    expect(itemsOf(files.get('/feeds/kinds/news.xml')!)).toEqual([guid]);
    expect(itemsOf(files.get('/feeds/good-deeds.xml')!)).toEqual([]);
    expect(files.get('/coverage/')).toContain('1 / 8');
    expect(files.get('/coverage/')).toContain(real.title);
    expect(files.get('/')).toContain('1 / 8');
    // The outlet that carried it is named; none that has not is (an internal target, not news).
    const coverage = files.get('/coverage/')!;
    expect(coverage).toContain(central.name);
    const notCarried = records.filter(
      (record) => record.type === 'outlet' && ['central', 'provincial'].includes(record.level) && record.documentId !== central.documentId,
    );
    expect(notCarried.length).toBeGreaterThan(0);
    for (const outlet of notCarried) expect(coverage, outlet.name).not.toContain(`>${outlet.name}<`);
    expect(coverage).not.toContain('尚未刊播');
  });

  test('a preview counts samples as fact, says so on every page and keeps search engines out', async () => {
    const plan = await sync(false, true);
    expect(htmlPages(plan)).toHaveLength(plan.pages.html);
    const files = await render(['/', '/404.html', '/coverage/', '/robots.txt', ...feeds]);
    for (const page of ['/', '/404.html', '/coverage/']) {
      expect(files.get(page)).toContain('preview-banner');
      expect(files.get(page)).toContain('<meta name="robots" content="noindex, nofollow">');
    }
    expect(files.get('/robots.txt')).toContain('Disallow: /');
    expect(itemsOf(files.get('/rss.xml')!).length).toBe(50);
    // The fixture's twelve good deeds and the hostile one a reader reported (support/fixture.ts).
    expect(itemsOf(files.get('/feeds/good-deeds.xml')!).length).toBe(13);
    expect(itemsOf(files.get('/feeds/featured.xml')!).length).toBe(5);
  });
});
