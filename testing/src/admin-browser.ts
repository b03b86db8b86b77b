/**
 * The admin panel in Chromium as a person uses it: an account of a given role, and a
 * browser page logged in with it at a laptop's size (1366×900). Needs the panel built
 * (`ensureAdminBuild`, in the suite's global setup) and the CMS booted from cms/dist.
 */
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const ADMIN_VIEWPORT = { width: 1366, height: 900 };

export interface AdminAccount {
  id: number;
  email: string;
  password: string;
}

/**
 * An active account with the role of `roleCode` (e.g. `campaign-desk-reporter`,
 * `strapi-super-admin`), made the way an administrator's invitation makes one: with no
 * interface language of its own.
 */
export async function createAdminAccount(strapi: Core.Strapi, roleCode: string, firstname: string): Promise<AdminAccount> {
  const role = (await strapi.db.query('admin::role').findOne({ where: { code: roleCode } })) as { id: number } | null;
  if (!role) throw new Error(`no admin role with code ${roleCode}`);
  const email = `${roleCode}-${randomBytes(4).toString('hex')}@newsroom.example.cn`;
  // Strapi asks for upper and lower case letters and a digit.
  const password = `Pw1${randomBytes(12).toString('base64url')}`;
  const user = (await strapi
    .service('admin::user')
    .create({ email, firstname, lastname: '测试', password, isActive: true, roles: [role.id] })) as {
    id: number;
  };
  return { id: user.id, email, password };
}

/** A fresh browser context (nothing stored) on the log-in page of the admin at `cmsUrl`. */
export async function openAdmin(browser: Browser, cmsUrl: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: ADMIN_VIEWPORT });
  const page = await context.newPage();
  await page.goto(`${cmsUrl}/admin/auth/login`);
  await page.locator('input[name="email"]').waitFor();
  return { context, page };
}

/** Logs in on the log-in page and waits for the home page. */
export async function logIn(page: Page, account: Pick<AdminAccount, 'email' | 'password'>): Promise<void> {
  await page.locator('input[name="email"]').fill(account.email);
  await page.locator('input[name="password"]').fill(account.password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname.replace(/\/$/, '') === '/admin');
}
