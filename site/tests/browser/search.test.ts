/**
 * Search as readers type it, in Chromium against the built fixture: through Pagefind's JS
 * API with the search page's own options (the shards it merges and their ranking), queries
 * in simplified and traditional characters and in pinyin find the pages a reader expects;
 * and the search page's 直达 line links to what a name names.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { servedSite } from '../support/browser';
import { readFixture } from '../support/fixture';

const fixture = readFixture();
const records = (type: string) => fixture.records.filter((record) => record.type === type);
const bySlug = (type: string, slug: string) => {
  const found = records(type).find((record) => record.slug === slug);
  if (!found) throw new Error(`no ${type} ${slug} in the fixture`);
  return found;
};
const storyPath = (story: Record<string, any>) => `/stories/${story.slug}/`;

/** The story field that files a story under each grouping. */
const RELATION = { activity: 'activityIds', column: 'columnIds', place: 'placeIds', theme: 'themeId', outlet: 'outletId' } as const;

/** The story pages filed under a grouping. */
function filedUnder(type: keyof typeof RELATION, slug: string): Set<string> {
  const id = bySlug(type, slug).documentId;
  return new Set(
    records('story')
      .filter((story) => [story[RELATION[type]]].flat().includes(id))
      .map(storyPath),
  );
}
const ofKind = (kind: string) =>
  new Set(
    records('story')
      .filter((story) => story.kind === kind)
      .map(storyPath),
  );

const FIGURE = '/figures/tang-guangyou/';
const OPINION = '/opinions/yijian/';

/**
 * What each query must find: `first` (the page a name names, ranked first), `page` (a page
 * among the first ten, what a reader sees without paging), or `among` (one of these pages among
 * the first ten: a story filed under the grouping the query names).
 */
type Expected = { first: string } | { page: string } | { among: Set<string> };

const CASES: Array<[query: string, expected: Expected]> = [
  // People: the figure's own page first, however the name is typed.
  ['唐光友', { first: FIGURE }],
  ['tang guang you', { first: FIGURE }],
  ['tangguangyou', { first: FIGURE }],
  ['TangGuangyou', { first: FIGURE }],
  ['tgy', { first: FIGURE }],
  // The 《意见》, in every form.
  ['意见', { first: OPINION }],
  ['《意见》', { first: OPINION }],
  ['《意見》', { first: OPINION }],
  ['yijian', { first: OPINION }],
  // Places, simplified, traditional, pinyin, with or without their level.
  ['咸安区', { among: filedUnder('place', 'xianan') }],
  ['xianan', { among: filedUnder('place', 'xianan') }],
  ['赤壁', { among: filedUnder('place', 'chibi') }],
  ['chibi', { among: filedUnder('place', 'chibi') }],
  ['通山县', { among: filedUnder('place', 'tongshan') }],
  ['嘉魚縣', { among: filedUnder('place', 'jiayu') }],
  // Columns.
  ['特约评论', { among: filedUnder('column', 'teyue-pinglun') }],
  ['建言献策', { among: filedUnder('column', 'jianyan-xiance') }],
  ['双宣讲', { among: filedUnder('column', 'shuang-xuanjiang') }],
  ['融媒产品', { among: filedUnder('column', 'rongmei-chanpin') }],
  // The six activities.
  ['大调研', { among: filedUnder('activity', 'da-diaoyan') }],
  ['大調研', { among: filedUnder('activity', 'da-diaoyan') }],
  ['dadiaoyan', { among: filedUnder('activity', 'da-diaoyan') }],
  ['da diao yan', { among: filedUnder('activity', 'da-diaoyan') }],
  ['daluoshi', { among: filedUnder('activity', 'da-luoshi') }],
  // Themes.
  ['转型发展示范区', { among: filedUnder('theme', 'shifanqu') }],
  ['zhuanxing', { among: filedUnder('theme', 'shifanqu') }],
  ['自然生态公园城市', { among: filedUnder('theme', 'gongyuan-chengshi') }],
  // Kinds of story, in the words readers use for them.
  ['短视频', { among: ofKind('video') }],
  ['直播', { among: ofKind('live') }],
  ['H5', { among: ofKind('h5') }],
  ['听新闻', { among: ofKind('audio') }],
  ['调研文章', { among: ofKind('research') }],
  ['解读', { among: ofKind('interpretation') }],
  // Outlets.
  ['咸宁日报', { among: filedUnder('outlet', 'xianning-ribao') }],
  ['xianningribao', { among: filedUnder('outlet', 'xianning-ribao') }],
  // What stories are about.
  ['招商引资', { page: '/stories/sample-story-003/' }],
  ['走遍咸宁', { page: '/stories/sample-story-006/' }],
  ['zoubian', { page: '/stories/sample-story-006/' }],
  ['专题学习', { page: '/stories/sample-story-021/' }],
  ['專題學習', { page: '/stories/sample-story-021/' }],
  ['市委理论学习中心组', { page: '/stories/sample-story-021/' }],
  ['宣讲团', { page: '/stories/sample-story-131/' }],
  [
    '深实严细久',
    {
      among: new Set(
        records('story')
          .filter((story) => story.title.includes('深实严细久'))
          .map(storyPath),
      ),
    },
  ],
];

const site = servedSite();
let page: Page;

/** Every page a query finds, best first, as the search page's Pagefind would rank them. */
async function search(query: string): Promise<string[]> {
  return page.evaluate(async (term) => {
    const found = await (window as any).pagefind.search(term);
    const pages = await Promise.all(found.results.map((result: any) => result.data()));
    return pages.map((data: { url: string }) => data.url);
  }, query);
}

beforeAll(async () => {
  page = await site.browser.newPage();
  await page.goto(`${site.url}/search/`);
  // Pagefind's JS API, set up as the search page sets up its UI (SearchBox.astro). A string:
  // vitest would rewrite an import() written in a function, and the browser has no vitest.
  await page.evaluate(`(async () => {
    const options = JSON.parse(document.getElementById('search').getAttribute('data-options'));
    const pagefind = await import(options.bundlePath + 'pagefind.js');
    await pagefind.options({ ranking: options.ranking });
    for (const bundlePath of options.merge) await pagefind.mergeIndex(bundlePath, { ranking: options.ranking });
    window.pagefind = pagefind;
  })()`);
});

describe('recall: each query a reader would type finds its page', () => {
  test(`${CASES.length} queries`, () => expect(CASES.length).toBeGreaterThanOrEqual(30));
  for (const [query, expected] of CASES) {
    test(query, async () => {
      const found = await search(query);
      const firstTen = found.slice(0, 10);
      if ('first' in expected) expect(found[0]).toBe(expected.first);
      else if ('page' in expected) expect(firstTen).toContain(expected.page);
      else {
        expect(expected.among.size).toBeGreaterThan(0);
        expect(
          firstTen.filter((path) => expected.among.has(path)),
          `first ten: ${firstTen.join(' ')}`,
        ).not.toEqual([]);
      }
    });
  }
});

describe('pinyin and traditional characters find what simplified characters find', () => {
  test('tangguangyou and tgy find exactly the pages 唐光友 finds; tang guang you finds them too', async () => {
    const simplified = new Set(await search('唐光友'));
    expect(simplified.size).toBeGreaterThan(5);
    expect(new Set(await search('tangguangyou'))).toEqual(simplified);
    expect(new Set(await search('tgy'))).toEqual(simplified);
    const spaced = new Set(await search('tang guang you'));
    for (const path of simplified) expect(spaced.has(path), path).toBe(true);
  });

  test('咸寧 finds exactly the pages 咸宁 finds', async () => {
    const simplified = new Set(await search('咸宁'));
    expect(simplified.size).toBeGreaterThan(100);
    expect(new Set(await search('咸寧'))).toEqual(simplified);
  });

  test('好人好事 finds every story of the good-deed column first', async () => {
    const goodDeeds = filedUnder('column', 'jieli-tang-guangyou');
    expect(goodDeeds.size).toBeGreaterThan(10);
    const found = await search('好人好事');
    for (const path of goodDeeds) expect(found, path).toContain(path);
    for (const path of found.slice(0, goodDeeds.size)) expect(goodDeeds.has(path) || path === FIGURE, path).toBe(true);
  });
});

describe('the search page links straight to what a name names (直达)', () => {
  for (const [typed, href] of [
    ['tgy', FIGURE],
    ['咸安', '/places/xianan/'],
    ['《意見》', OPINION],
    ['大調研', '/activities/da-diaoyan/'],
  ] as const) {
    test(`${typed} → ${href}`, async () => {
      const reader = await site.browser.newPage({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
      try {
        await reader.goto(`${site.url}/search/`);
        await reader.locator('.pagefind-ui__search-input').fill(typed);
        const link = reader.locator(`.direct a[href="${href}"]`);
        await link.waitFor({ state: 'visible', timeout: 20_000 });
        expect(await reader.locator('.direct').textContent()).toMatch(/^直达：/);
      } finally {
        await reader.close();
      }
    });
  }

  test('a query in the address (?q=) fills the box, searches and shows its 直达 line, and results show no hidden field', async () => {
    const reader = await site.browser.newPage();
    try {
      await reader.goto(`${site.url}/search/?q=${encodeURIComponent('唐光友')}`);
      await reader.locator(`.direct a[href="${FIGURE}"]`).waitFor({ state: 'visible', timeout: 20_000 });
      await reader.locator(`.pagefind-ui__result-link[href^="${FIGURE}"]`).first().waitFor({ state: 'visible', timeout: 20_000 });
      expect(await reader.locator('.pagefind-ui__search-input').inputValue()).toBe('唐光友');
      // Pagefind shows a page's other metadata as tags: the pinyin and variants must not show.
      expect(await reader.locator('.pagefind-ui__result-tags').count()).toBe(0);
    } finally {
      await reader.close();
    }
  });
});
