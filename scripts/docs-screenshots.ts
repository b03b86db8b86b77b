/**
 * `pnpm docs:screenshots`: the 使用手册's pictures, taken from the real admin and site. Starts
 * the demo's newsroom on a temporary database (screenshots/environment.ts), lives a day in it
 * (screenshots/scenes.ts), then logs in as each demo account in Debian's Chromium and writes
 * each page of screenshots/shots.ts to docs/newsroom/images/. Not part of `pnpm test`; run it
 * after changing a page the manual shows, look at the pictures, and commit them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ADMIN_VIEWPORT, logIn, openAdmin } from '@campaign-desk/testing/admin-browser';
import { launchChromium } from '@campaign-desk/testing/browser';
import { repoRoot } from './lib/paths';
import { startNewsroom, type Newsroom } from './screenshots/environment';
import { liveADay, loginOf, type Day, type Role } from './screenshots/scenes';
import { ADMIN_SHOTS, SITE_SHOTS } from './screenshots/shots';

type Browser = Awaited<ReturnType<typeof launchChromium>>;
type Page = Awaited<ReturnType<typeof openAdmin>>['page'];

const IMAGES = path.join(repoRoot, 'docs', 'newsroom', 'images');
const PHONE = { width: 375, height: 812 };
const log = (line: string) => console.log(`▶ ${line}`);

/** Until nothing has loaded for half a second and no loader shows. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  await page.waitForTimeout(500);
}

function save(file: string, picture: Buffer): void {
  writeFileSync(path.join(IMAGES, file), picture);
  console.log(`  docs/newsroom/images/${file} (${Math.round(picture.length / 1024)} KB)`);
}

async function shootAdmin(browser: Browser, newsroom: Newsroom, day: Day): Promise<void> {
  const roles = [...new Set(ADMIN_SHOTS.map((shot) => shot.role))];
  for (const role of roles) {
    const { context, page } = await openAdmin(browser, newsroom.cmsUrl);
    try {
      if (role) await logIn(page, loginOf(newsroom.credentials, role as Role));
      for (const shot of ADMIN_SHOTS.filter((each) => each.role === role)) {
        await page.goto(`${newsroom.cmsUrl}${shot.path(day)}`);
        await settle(page);
        // Strapi's guided tour for a new account, skipped as a person would.
        const skipTour = page.getByRole('button', { name: '跳过', exact: true });
        if (await skipTour.isVisible()) await skipTour.click();
        await shot.ready?.(page);
        await settle(page);
        save(shot.file, await page.screenshot());
      }
    } finally {
      await context.close();
    }
  }
}

async function shootSite(browser: Browser, newsroom: Newsroom, day: Day): Promise<void> {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    for (const shot of SITE_SHOTS) {
      // The site's address ends in its path's slash; a shot's path starts with one.
      await page.goto(`${newsroom.siteUrl.replace(/\/$/, '')}${shot.path(day)}`);
      await settle(page);
      await shot.ready?.(page);
      save(shot.file, await page.screenshot());
    }
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  mkdirSync(IMAGES, { recursive: true });
  const newsroom = await startNewsroom(log);
  let browser: Browser | null = null;
  try {
    browser = await launchChromium();
    const desktop = browser;
    log('a day in the newsroom: stories through 三审, a partner report, coverage verified, readers write in');
    const day = await liveADay(newsroom, async () => {
      const page = await desktop.newPage({ viewport: ADMIN_VIEWPORT });
      await page.goto(newsroom.siteUrl);
      const picture = await page.screenshot();
      await page.close();
      return picture;
    });
    log('the admin, as each demo account sees it');
    await shootAdmin(browser, newsroom, day);
    log('the site, on a phone');
    await shootSite(browser, newsroom, day);
  } finally {
    await browser?.close();
    await newsroom.stop();
  }
  log('done: look at each picture before you commit it');
}

main().catch((error: unknown) => {
  console.error(`\nThe screenshots could not be taken: ${(error as Error).stack ?? error}`);
  process.exitCode = 1;
});
