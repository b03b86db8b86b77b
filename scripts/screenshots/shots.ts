/**
 * The manual's screenshots: each a page as one demo account sees it in the admin (1366×900), or
 * a page of the site on a phone (375 px), with the file it is written to under
 * docs/newsroom/images/. The manual's pages name these files; change both together.
 */
import type { openAdmin } from '@campaign-desk/testing/admin-browser';
import { PLUGIN_ID, UID } from 'strapi-plugin-campaign-desk/names';
import type { Day, Role } from './scenes';

type Page = Awaited<ReturnType<typeof openAdmin>>['page'];

export interface AdminShot {
  file: string;
  /** Who is logged in; null: nobody (the log-in page). */
  role: Role | null;
  path: (day: Day) => string;
  /** What to wait for, or do, before the picture. */
  ready?: (page: Page) => Promise<void>;
}

export interface SiteShot {
  file: string;
  path: (day: Day) => string;
  ready?: (page: Page) => Promise<void>;
}

const edit = (uid: string, documentId: string) => `/admin/content-manager/collection-types/${uid}/${documentId}`;
const reviewPanel = (page: Page) => page.getByText('审稿记录', { exact: true }).waitFor();
const text = (value: string) => (page: Page) => page.getByText(value).first().waitFor();

export const ADMIN_SHOTS: AdminShot[] = [
  { file: 'login.png', role: null, path: () => '/admin/auth/login', ready: (page) => page.locator('input[name="email"]').waitFor() },
  {
    file: 'reporter-home.png',
    role: 'reporter',
    path: () => '/admin',
    ready: (page) =>
      page
        .getByText('我的选题')
        .first()
        .evaluate((element) => element.scrollIntoView({ block: 'start' })),
  },
  { file: 'reporter-desk.png', role: 'reporter', path: () => `/admin/plugins/${PLUGIN_ID}/desk`, ready: text('我的选题') },
  { file: 'reporter-story.png', role: 'reporter', path: (day) => edit(UID.story, day.written), ready: reviewPanel },
  { file: 'reporter-returned.png', role: 'reporter', path: (day) => edit(UID.story, day.returned), ready: reviewPanel },
  {
    file: 'editor-stories.png',
    role: 'editor',
    path: () => `/admin/content-manager/collection-types/${UID.story}`,
    ready: text('审稿状态'),
  },
  { file: 'editor-first-review.png', role: 'editor', path: (day) => edit(UID.story, day.submitted), ready: reviewPanel },
  { file: 'editor-placement.png', role: 'editor', path: (day) => edit(UID.placement, day.reported), ready: text('上稿状态') },
  { file: 'editor-submissions.png', role: 'editor', path: () => `/admin/plugins/${PLUGIN_ID}/submissions`, ready: text('含敏感词') },
  { file: 'statistics.png', role: 'editor', path: () => `/admin/plugins/${PLUGIN_ID}/statistics`, ready: text('每日发稿量') },
  { file: 'weekly-report.png', role: 'editor', path: () => `/admin/plugins/${PLUGIN_ID}/statistics/weekly`, ready: text('宣传工作周报') },
  { file: 'chief-publish.png', role: 'chief', path: (day) => edit(UID.story, day.approved), ready: reviewPanel },
  { file: 'chief-outbox.png', role: 'chief', path: () => `/admin/plugins/${PLUGIN_ID}`, ready: text('已送达') },
  { file: 'chief-partner-tokens.png', role: 'chief', path: () => `/admin/settings/partner-tokens`, ready: text('生成令牌') },
  {
    file: 'admin-role.png',
    role: 'admin',
    path: (day) => `/admin/settings/roles/${day.reporterRole}`,
    // The 记者 role, its plugin actions open under 专题宣传.
    ready: async (page) => {
      await page.getByRole('tab', { name: '插件' }).click();
      const group = page.getByRole('tabpanel').getByRole('button', { name: /专题宣传/ });
      if ((await group.getAttribute('aria-expanded')) === 'false') await group.click();
      await group.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    },
  },
];

export const SITE_SHOTS: SiteShot[] = [
  { file: 'site-home.png', path: () => '/' },
  { file: 'site-story.png', path: (day) => `/stories/${day.published.slug}/` },
  {
    file: 'site-suggestions.png',
    path: () => '/jianyan/',
    ready: (page) => page.locator('text=淦河沿岸').first().scrollIntoViewIfNeeded(),
  },
  { file: 'site-coverage.png', path: () => '/coverage/' },
];
