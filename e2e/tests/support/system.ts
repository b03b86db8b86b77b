import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { cmsEnvironment, publisherEnvironment, wireCampaign } from '@campaign-desk/testing/campaign-wiring';
import { bootCms } from '@campaign-desk/testing/strapi';
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
  const wiring = await wireCampaign(options.base);
  const { cmsPort, sitePort: publisherPort, controlPort, cmsUrl, hookSecret } = wiring;
  const { strapi } = await bootCms(
    {
      ...cmsEnvironment(wiring, work),
      CAMPAIGN_DESK_OUTBOX_RETRY_BASE_MS: '200',
      CAMPAIGN_DESK_OUTBOX_RETRY_MAX_MS: '2000',
      // The public forms: with a proof of work a test browser solves quickly.
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

  const publisher = new PublisherProcess(publisherPort, controlPort, {
    ...publisherEnvironment(wiring, work, token),
    PUBLISHER_MIN_PAGE_RATIO: '0.5',
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
