/**
 * The demo's newsroom on a machine of its own, for the manual's screenshots: Strapi in this
 * process on a temporary SQLite database, seeded as the demo seeds it, and the publisher
 * building the real site as a preview, each on a free loopback port. The admin panel is the one
 * the test suite builds (React's checks on, the same pages): the production build is made for
 * the public address in .env, this one answers on whatever port its CMS has, and is shared
 * with `pnpm test` rather than built again. Nothing of the repository's .env, .demo/ or
 * database is read or touched, and `stop()` leaves nothing behind.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { ensureAdminBuild } from '@campaign-desk/testing/admin-build';
import { freePort } from '@campaign-desk/testing/ports';
import { bootCms, cmsTestEnv, compileCms } from '@campaign-desk/testing/strapi';
import { PublisherProcess } from '@campaign-desk/publisher/process';
import { CredentialsFile, type Credentials } from '../lib/demo-accounts';
import { seedDemoNewsroom } from '../lib/demo-newsroom';

export interface Newsroom {
  strapi: Core.Strapi;
  cmsUrl: string;
  siteUrl: string;
  /** The demo's logins and tokens, as `pnpm demo` keeps them in .demo/credentials.json. */
  credentials: Credentials;
  /** Resolves once the publisher has built everything published so far. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

/** A word the manual's sample submission carries, so the 群众来稿 page shows how one is flagged. */
export const FLAGGED_WORD = '代开发票';

async function waitFor<T>(probe: () => Promise<T | null | undefined>, what: string, timeoutMs = 600_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export async function startNewsroom(log: (line: string) => void): Promise<Newsroom> {
  log('compiling the CMS and building the admin panel when its sources changed (a minute or two)');
  await compileCms();
  await ensureAdminBuild('test', log);

  const work = mkdtempSync(path.join(tmpdir(), 'campaign-desk-screenshots-'));
  const [cmsPort, sitePort, controlPort] = [await freePort(), await freePort(), await freePort()];
  const cmsUrl = `http://127.0.0.1:${cmsPort}`;
  const siteUrl = `http://127.0.0.1:${sitePort}`;
  const hookSecret = randomBytes(18).toString('base64url');
  const publisherToken = randomBytes(18).toString('base64url');
  const wordsFile = path.join(work, 'sensitive-words.txt');
  writeFileSync(wordsFile, `${FLAGGED_WORD}\n`);
  mkdirSync(path.join(work, 'public', 'uploads'), { recursive: true });

  log(`starting the CMS at ${cmsUrl} and seeding the demo's campaign`);
  const { strapi } = await bootCms(
    {
      ...cmsTestEnv(),
      PORT: String(cmsPort),
      PUBLIC_URL: cmsUrl,
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: path.join(work, 'data.db'),
      PUBLIC_DIR: path.join(work, 'public'),
      CAMPAIGN_DESK_BUILD_HOOKS: JSON.stringify([
        { name: 'site', url: `http://127.0.0.1:${controlPort}/hooks/publish`, secret: hookSecret },
      ]),
      CAMPAIGN_DESK_OUTBOX_POLL_MS: '200',
      SITE_URL: siteUrl,
      CAMPAIGN_DESK_SENSITIVE_WORDS_FILE: wordsFile,
      // The manual's readers post a few plain forms from one address.
      CAMPAIGN_DESK_PARTICIPATION_LIMITS: JSON.stringify({ withoutProofPerAddress: { max: 20, windowMs: 3_600_000 } }),
    },
    cmsPort,
  ).catch((error: unknown) => {
    rmSync(work, { recursive: true, force: true });
    throw error;
  });
  let publisher: PublisherProcess | null = null;
  const stop = async () => {
    try {
      await publisher?.stop();
      await strapi.destroy();
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  };

  try {
    const credentialsFile = new CredentialsFile(path.join(work, 'credentials.json'));
    await seedDemoNewsroom(strapi, credentialsFile);
    const credentials = credentialsFile.read();
    log(`starting the publisher; the site at ${siteUrl} (its first build compiles it: about a minute)`);
    const site = new PublisherProcess({
      PUBLISHER_HOST: '127.0.0.1',
      PUBLISHER_PORT: String(sitePort),
      PUBLISHER_CONTROL_HOST: '127.0.0.1',
      PUBLISHER_CONTROL_PORT: String(controlPort),
      PUBLISHER_HOOK_SECRET: hookSecret,
      PUBLISHER_TOKEN: publisherToken,
      PUBLISHER_DATA_DIR: path.join(work, 'publisher'),
      SITE_URL: siteUrl,
      CAMPAIGN_DESK_SNAPSHOT_URL: `${cmsUrl}/api/campaign-desk/snapshot`,
      CAMPAIGN_DESK_TOKEN: credentials.snapshotToken!,
      CAMPAIGN_DESK_SUBMIT_URL: `${cmsUrl}/api/campaign-desk/participation`,
      // As in the demo: its content is all samples, which a preview shows and says so.
      CAMPAIGN_DESK_PREVIEW: 'true',
    });
    publisher = site;
    site.start();
    const settled = async () => {
      // Events reach the publisher from the outbox within a poll or two.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await waitFor(async () => {
        if (!site.running) throw new Error(`the publisher exited:\n${site.output}`);
        const now = await site.status();
        if (!now) return null;
        if (now.lastBuild && !now.lastBuild.ok) throw new Error(`a site build failed:\n${now.lastBuild.error}`);
        return now.live && !now.building && !now.queued ? now : null;
      }, 'the site to be built');
    };
    await settled();
    return { strapi, cmsUrl, siteUrl, credentials, settled, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
