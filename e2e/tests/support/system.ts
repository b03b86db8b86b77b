/**
 * The whole system on 127.0.0.1: Strapi with the plugin (in this process, on a temporary
 * SQLite database), the publisher (a child process, so a test can kill it) building the
 * real Astro site, and helpers to drive and watch them.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Core } from '@strapi/strapi';
import { freePort } from '@campaign-desk/testing/ports';
import { bootCms, cmsTestEnv } from '@campaign-desk/testing/strapi';
import { PublisherProcess as BasePublisherProcess } from '@campaign-desk/publisher/process';
import { PLUGIN_ID } from 'strapi-plugin-campaign-desk/names';
import { SiteAddress } from '@campaign-desk/shared';

export async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 180_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export interface PublisherStatus {
  live: string | null;
  building: boolean;
  queued: boolean;
  builds: number;
  lastBuild: { ok: boolean; error: string | null; release: string; reasons: string[]; mode: string | null; warnings: string[] } | null;
  cms: { checked: boolean; ok?: boolean; undelivered?: boolean; failed?: number; overdue?: number; error?: string };
}

/** The publisher as a process of its own (so a test can kill it), and how to read it. */
export class PublisherProcess extends BasePublisherProcess {
  /** The site server's origin. */
  readonly url: string;
  readonly controlUrl: string;
  /** Where the site is served (SITE_URL: the origin, or a path under it). */
  readonly site: SiteAddress;

  constructor(
    readonly port: number,
    readonly controlPort: number,
    private readonly token: string,
    env: Record<string, string>,
  ) {
    super(env);
    this.url = `http://127.0.0.1:${port}`;
    this.controlUrl = `http://127.0.0.1:${controlPort}`;
    this.site = new SiteAddress(env.SITE_URL ?? this.url);
  }

  /** The URL of a page of the site, by its site path. */
  pageUrl(sitePath: string): string {
    return this.site.url(sitePath);
  }

  async status(): Promise<PublisherStatus | null> {
    try {
      const response = await fetch(`${this.controlUrl}/status`, { headers: { authorization: `Bearer ${this.token}` } });
      return response.ok ? ((await response.json()) as PublisherStatus) : null;
    } catch {
      return null;
    }
  }

  /** A page of the live site; status 0 while the publisher is down or starting. */
  async get(sitePath: string) {
    try {
      const response = await fetch(this.pageUrl(sitePath));
      return { status: response.status, text: await response.text() };
    } catch {
      return { status: 0, text: '' };
    }
  }
}

export interface CampaignSystem {
  strapi: Core.Strapi;
  cmsUrl: string;
  publisher: PublisherProcess;
  /** Signs events as the CMS's build hook does. */
  hookSecret: string;
  /** Everything the publisher keeps: its copy of the snapshot and every release of the site. */
  publisherDataDir: string;
  stop(): Promise<void>;
}

/** `base` serves the site under a path of the publisher's origin (a 专栏 under a portal's `/zt/liuda/`). */
export async function startSystem(seed: unknown, options: { base?: string } = {}): Promise<CampaignSystem> {
  const work = mkdtempSync(path.join(tmpdir(), 'campaign-desk-e2e-'));
  const [cmsPort, publisherPort, controlPort] = [await freePort(), await freePort(), await freePort()];
  const hookSecret = randomBytes(18).toString('base64url');
  const publisherToken = randomBytes(18).toString('base64url');
  const cmsUrl = `http://127.0.0.1:${cmsPort}`;
  const siteUrl = `http://127.0.0.1:${publisherPort}${options.base ?? '/'}`;

  // The port is chosen before Strapi starts: its public URL, which image URLs are made from, names it.
  const { strapi } = await bootCms(
    {
      ...cmsTestEnv(),
      PORT: String(cmsPort),
      PUBLIC_URL: cmsUrl,
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: path.join(work, 'data.db'),
      CAMPAIGN_DESK_BUILD_HOOKS: JSON.stringify([
        { name: 'site', url: `http://127.0.0.1:${controlPort}/hooks/publish`, secret: hookSecret },
      ]),
      CAMPAIGN_DESK_OUTBOX_POLL_MS: '200',
      CAMPAIGN_DESK_OUTBOX_RETRY_BASE_MS: '200',
      CAMPAIGN_DESK_OUTBOX_RETRY_MAX_MS: '2000',
      // The public forms: taken from the site the publisher serves, with a proof of work a test browser solves quickly.
      SITE_URL: siteUrl,
      CAMPAIGN_DESK_PARTICIPATION_PROOF: JSON.stringify({ cost: 50, counterMin: 0, counterMax: 200 }),
    },
    cmsPort,
  );
  let token: string;
  try {
    await strapi.plugin(PLUGIN_ID).service('seed').load(seed, 'e2e');
    token = (
      (await strapi.service('admin::api-token').create({ name: 'e2e site', type: 'read-only', lifespan: null })) as { accessKey: string }
    ).accessKey;
  } catch (error) {
    await strapi.destroy();
    rmSync(work, { recursive: true, force: true });
    throw error;
  }

  const publisher = new PublisherProcess(publisherPort, controlPort, publisherToken, {
    PUBLISHER_HOST: '127.0.0.1',
    PUBLISHER_PORT: String(publisherPort),
    PUBLISHER_CONTROL_PORT: String(controlPort),
    PUBLISHER_HOOK_SECRET: hookSecret,
    PUBLISHER_TOKEN: publisherToken,
    PUBLISHER_DATA_DIR: path.join(work, 'publisher'),
    PUBLISHER_MIN_PAGE_RATIO: '0.5',
    SITE_URL: siteUrl,
    CAMPAIGN_DESK_SNAPSHOT_URL: `${cmsUrl}/api/campaign-desk/snapshot`,
    CAMPAIGN_DESK_SUBMIT_URL: `${cmsUrl}/api/campaign-desk/participation`,
    CAMPAIGN_DESK_TOKEN: token,
  });
  publisher.start();

  return {
    strapi,
    cmsUrl,
    publisher,
    hookSecret,
    publisherDataDir: path.join(work, 'publisher'),
    async stop() {
      try {
        await publisher.stop();
        await strapi.destroy();
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
  };
}
