import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { ensureAdminBuild } from '@campaign-desk/testing/admin-build';
import { cmsEnvironment, publisherEnvironment, wireCampaign } from '@campaign-desk/testing/campaign-wiring';
import { bootCms, compileCms } from '@campaign-desk/testing/strapi';
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
  const wiring = await wireCampaign();
  const { cmsPort, cmsUrl, siteUrl } = wiring;
  const wordsFile = path.join(work, 'sensitive-words.txt');
  writeFileSync(wordsFile, `${FLAGGED_WORD}\n`);
  mkdirSync(path.join(work, 'public', 'uploads'), { recursive: true });

  log(`starting the CMS at ${cmsUrl} and seeding the demo's campaign`);
  const { strapi } = await bootCms(
    {
      ...cmsEnvironment(wiring, work),
      PUBLIC_DIR: path.join(work, 'public'),
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
      ...publisherEnvironment(wiring, work, credentials.snapshotToken!),
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
