/**
 * The admin panel in Chromium as a person uses it: a browser page logged in with an account
 * (`createAdminAccount` of ./newsroom) at a laptop's size (1366×900). Needs the panel built
 * (`ensureAdminBuild`, in the suite's global setup) and the CMS booted from cms/dist.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AdminAccount } from './newsroom';

export const ADMIN_VIEWPORT = { width: 1366, height: 900 };

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
