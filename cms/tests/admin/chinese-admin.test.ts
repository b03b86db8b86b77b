/**
 * The admin panel in Simplified Chinese, as the newsroom meets it: in Chromium at
 * 1366×900, each newsroom role (记者, 编辑, 主编) logs in on a browser that never stored
 * a language and walks every page its own navigation offers (the main menu, the content
 * manager's list of types, the settings menu: pages other issues add are walked too), a
 * story's edit view with its 审稿 panel and a new story's form; a super administrator walks
 * the settings, and each tab of a newsroom role in the role editor. Every page fails on a
 * message missing from the zh-Hans catalogue (the suite builds the admin with React's
 * development checks, as `strapi develop` runs it, so react-intl reports them), on a
 * label in Latin letters only that is not an allowed term, and on any request to a host
 * other than this CMS.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { logIn, openAdmin } from '@campaign-desk/testing/admin-browser';
import { createAdminAccount, type AdminAccount } from '@campaign-desk/testing/newsroom';
import { launchChromium } from '@campaign-desk/testing/browser';
import { CAMPAIGN_CONTENT_TYPES, PLUGIN_ID, REVIEW_ACTIONS, UID } from 'strapi-plugin-campaign-desk/names';
import { campaignDataset } from '../../../scripts/seed/index';
import { startCms, type TestCms } from '../support/strapi';
import { latinLabels } from './support/latin-labels';

let cms: TestCms;
let browser: Browser;
let storyId: string;
/** Values the seeded records hold in Latin letters (pinyin slugs), which lists show as they are. */
const recordValues = new Set<string>();

const NEWSROOM = [
  { code: 'campaign-desk-reporter', name: '记者' },
  { code: 'campaign-desk-editor', name: '编辑' },
  { code: 'campaign-desk-chief-editor', name: '主编' },
] as const;

/** The content-type builder shows the schema's own keys (field names), which are data, not labels; newsroom roles never see it. */
const NOT_WALKED = ['/admin/plugins/content-type-builder'];

beforeAll(async () => {
  cms = await startCms();
  await cms.strapi.plugin(PLUGIN_ID).service('seed').load(campaignDataset(), 'plan.json + sample stories');
  // An image in the media library, so its list shows an asset as editors meet it.
  await cms.strapi
    .plugin('upload')
    .service('upload')
    .upload({
      data: { fileInfo: { name: '咸宁日报头版.png', alternativeText: '咸宁日报头版' } },
      files: {
        filepath: path.join(__dirname, 'support', 'front-page.png'),
        originalFilename: '咸宁日报头版.png',
        mimetype: 'image/png',
        size: readFileSync(path.join(__dirname, 'support', 'front-page.png')).length,
      },
    });
  const story = (await cms.strapi.db.query(UID.story).findOne({ where: { publishedAt: { $notNull: true } } })) as { documentId: string };
  storyId = story.documentId;
  for (const type of CAMPAIGN_CONTENT_TYPES) {
    if (!('slug' in cms.strapi.contentType(UID[type] as never).attributes)) continue;
    for (const { slug } of (await cms.strapi.db.query(UID[type]).findMany({ select: ['slug'] })) as Array<{ slug: string | null }>) {
      if (slug) recordValues.add(slug);
    }
  }
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await cms?.destroy();
});

/** What one page showed that is not Chinese, or left for a host this CMS is not. */
interface Findings {
  missingMessages: string[];
  latin: string[];
  foreignRequests: string[];
}

/**
 * One person's session: console and network watched from the first page on, every page
 * checked once it has settled (no request in flight for a moment).
 */
class Session {
  private inFlight = 0;
  private quietSince = Date.now();
  private missing: string[] = [];
  private foreign: string[] = [];
  readonly findings = new Map<string, Findings>();

  constructor(readonly page: Page) {
    const origin = new URL(cms.url).host;
    page.on('console', (message) => {
      const text = message.text();
      if (text.includes('MISSING_TRANSLATION')) this.missing.push(/Missing message: "([^"]+)"/.exec(text)?.[1] ?? text);
    });
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (/^https?:$/.test(url.protocol) && url.host !== origin) this.foreign.push(request.url());
      this.inFlight += 1;
    });
    const done = () => {
      this.inFlight -= 1;
      this.quietSince = Date.now();
    };
    page.on('requestfinished', done);
    page.on('requestfailed', done);
  }

  /** Until no request has been in flight for 400 ms and no loader shows. */
  async settle(): Promise<void> {
    for (;;) {
      if (this.inFlight === 0 && Date.now() - this.quietSince >= 400) {
        const loading = await this.page.evaluate(() => Boolean(document.querySelector('[aria-busy="true"]')));
        if (!loading) return;
      }
      await this.page.waitForTimeout(100);
    }
  }

  /**
   * Settles, then records what the page at hand shows under `name`. A guided tour Strapi
   * opens for super administrators is checked with the page, then skipped as a person
   * would, so it does not cover the next link.
   */
  async check(name: string): Promise<void> {
    await this.settle();
    this.findings.set(name, {
      missingMessages: [...new Set(this.missing.splice(0))],
      latin: await latinLabels(this.page, recordValues),
      foreignRequests: this.foreign.splice(0),
    });
    const skipTour = this.page.getByRole('button', { name: '跳过', exact: true });
    if (await skipTour.isVisible()) await skipTour.click();
  }

  /** Same-origin admin links of the navigation on the page at hand, by path. */
  async navigationLinks(): Promise<Map<string, string>> {
    const hrefs = await this.page.locator('nav a[href^="/admin"]').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
    return new Map(hrefs.map((href) => [new URL(href, cms.url).pathname.replace(/\/$/, ''), href]));
  }

  /**
   * Follows a link of the page at hand as a person would, or opens the address when there
   * is none; returns the path it landed on once the page has settled (after any redirect).
   */
  async go(href: string): Promise<string> {
    const link = this.page.locator(`a[href="${href}"]`).first();
    this.quietSince = Date.now();
    const clicked =
      (await link.count()) > 0 &&
      (await link.click({ timeout: 2000 }).then(
        () => true,
        () => false,
      ));
    if (!clicked) await this.page.goto(`${cms.url}${href}`);
    await this.settle();
    return new URL(this.page.url()).pathname.replace(/\/$/, '');
  }

  /**
   * Walks every page reachable through navigation from the page at hand, under `within`,
   * breadth first, checking each.
   */
  async walk(within: string[]): Promise<void> {
    const queue = [...(await this.navigationLinks())];
    const seen = new Set(this.findings.keys());
    const walked = (pathname: string) =>
      within.some((prefix) => pathname.startsWith(prefix)) && !NOT_WALKED.some((prefix) => pathname.startsWith(prefix));
    while (queue.length > 0) {
      const [pathname, href] = queue.shift()!;
      if (seen.has(pathname) || !walked(pathname)) continue;
      seen.add(pathname);
      const landed = await this.go(href);
      if (seen.has(landed) && landed !== pathname) continue; // redirected to a page already checked
      seen.add(landed);
      await this.check(landed);
      queue.push(...(await this.navigationLinks()));
    }
  }

  /** Every finding, page by page, for one readable assertion. */
  report(): Record<string, Findings> {
    return Object.fromEntries(
      [...this.findings].filter(([, found]) => found.missingMessages.length + found.latin.length + found.foreignRequests.length > 0),
    );
  }
}

async function newSession(account: AdminAccount): Promise<Session> {
  const { page } = await openAdmin(browser, cms.url);
  const session = new Session(page);
  await session.check('登录页');
  await logIn(page, account);
  await session.check('/admin');
  // Strapi's banner advertising a blog post on strapi.io starts closed.
  expect(await page.getByText('新版媒体库上线').count()).toBe(0);
  return session;
}

describe('the admin panel in Simplified Chinese', () => {
  for (const role of NEWSROOM) {
    it(`${role.name}：every page the navigation offers, a story and a new story`, async () => {
      const account = await createAdminAccount(cms.strapi, role.code, role.name);
      const session = await newSession(account);
      await session.walk(['/admin']);
      expect(session.findings.size, 'pages walked').toBeGreaterThan(15);

      await session.check(await session.go('/admin/me'));

      const story = `/admin/content-manager/collection-types/${UID.story}/${storyId}`;
      await session.go(story);
      await session.page.getByText('审稿记录', { exact: true }).waitFor();
      await session.check(story);
      const newStory = `/admin/content-manager/collection-types/${UID.story}/create`;
      await session.go(newStory);
      await session.check(newStory);

      expect(session.report()).toEqual({});
      await session.page.context().close();
    });
  }

  it('超级管理员：the settings and every tab of a newsroom role', async () => {
    const account = await createAdminAccount(cms.strapi, 'strapi-super-admin', '管理员');
    const session = await newSession(account);
    await session.check(await session.go('/admin/settings'));
    await session.walk(['/admin/settings']);

    const reporter = (await cms.strapi.db.query('admin::role').findOne({ where: { code: NEWSROOM[0].code } })) as { id: number };
    const roleEditor = `/admin/settings/roles/${reporter.id}`;
    await session.go(roleEditor);
    await session.check(roleEditor);
    const tabs = session.page.getByRole('tab');
    for (let index = 0; index < (await tabs.count()); index += 1) {
      const tab = tabs.nth(index);
      await tab.click();
      const name = `${roleEditor}（${await tab.innerText()}）`;
      await session.check(name);
      // Each group of the tab opened in turn (opening one closes another), so every action's name is shown.
      const groups = session.page.getByRole('tabpanel').locator('button[aria-expanded]:visible');
      for (let group = 0; group < (await groups.count()); group += 1) {
        if ((await groups.nth(group).getAttribute('aria-expanded')) === 'false') await groups.nth(group).click();
        await session.check(`${name} ${group + 1}`);
      }
    }

    // The renamed groups still save: grant 初审 to 记者 as an administrator would.
    const page = session.page;
    await page.getByRole('tab', { name: '插件' }).click();
    const campaignDesk = page.getByRole('tabpanel').getByRole('button', { name: /专题宣传/ });
    if ((await campaignDesk.getAttribute('aria-expanded')) === 'false') await campaignDesk.click();
    await page.getByRole('checkbox', { name: '初审', exact: true }).click();
    const saved = page.waitForResponse(
      (response) => response.url().includes(`/admin/roles/${reporter.id}/permissions`) && response.request().method() === 'PUT',
    );
    await page.getByRole('button', { name: '保存', exact: true }).click();
    expect((await saved).status()).toBe(200);
    const granted = await cms.strapi.db
      .query('admin::permission')
      .findOne({ where: { role: reporter.id, action: REVIEW_ACTIONS.first.id } });
    expect(granted).not.toBeNull();

    expect(session.report()).toEqual({});
    await session.page.context().close();
  });

  it('gives new accounts Chinese, and keeps a language an account chose', async () => {
    const invited = await createAdminAccount(cms.strapi, NEWSROOM[0].code, '新记者');
    const chosen = (await cms.strapi.service('admin::user').create({
      email: `english-${invited.id}@newsroom.example.cn`,
      firstname: '外籍',
      password: invited.password,
      isActive: true,
      roles: [],
      preferedLanguage: 'en',
    })) as { id: number };
    const language = async (id: number) =>
      ((await cms.strapi.db.query('admin::user').findOne({ where: { id } })) as { preferedLanguage: string }).preferedLanguage;
    expect(await language(invited.id)).toBe('zh-Hans');
    expect(await language(chosen.id)).toBe('en');
  });
});
