/**
 * The CMS and the publisher wired together on 127.0.0.1, as the end-to-end tests and the
 * manual's screenshots run them: free ports, the build hook's secret and the publisher's
 * token, and the environment each side starts with (what a caller adds goes on top).
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { freePort } from './ports';
import { cmsTestEnv } from './strapi';

export interface CampaignWiring {
  cmsPort: number;
  /** Where the publisher serves the site. */
  sitePort: number;
  controlPort: number;
  cmsUrl: string;
  /** SITE_URL: the site's origin, and the path it is served under. */
  siteUrl: string;
  hookSecret: string;
  publisherToken: string;
}

/** Free ports and fresh secrets; `sitePath` serves the site under a path (a 专栏 under a portal's `/zt/liuda/`). */
export async function wireCampaign(sitePath = '/'): Promise<CampaignWiring> {
  const [cmsPort, sitePort, controlPort] = [await freePort(), await freePort(), await freePort()];
  return {
    cmsPort,
    sitePort,
    controlPort,
    cmsUrl: `http://127.0.0.1:${cmsPort}`,
    siteUrl: `http://127.0.0.1:${sitePort}${sitePath}`,
    hookSecret: randomBytes(18).toString('base64url'),
    publisherToken: randomBytes(18).toString('base64url'),
  };
}

/** A test CMS on a SQLite file in `work`, announcing its publish events to the publisher and taking forms from its site. */
export function cmsEnvironment(wiring: CampaignWiring, work: string): Record<string, string> {
  return {
    ...cmsTestEnv(),
    PORT: String(wiring.cmsPort),
    // Chosen before Strapi starts: its public URL, which image URLs are made from, names the port.
    PUBLIC_URL: wiring.cmsUrl,
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.join(work, 'data.db'),
    CAMPAIGN_DESK_BUILD_HOOKS: JSON.stringify([
      { name: 'site', url: `http://127.0.0.1:${wiring.controlPort}/hooks/publish`, secret: wiring.hookSecret },
    ]),
    CAMPAIGN_DESK_OUTBOX_POLL_MS: '200',
    SITE_URL: wiring.siteUrl,
  };
}

/** The publisher, its data in `work`, reading the CMS's snapshot with the API token `snapshotToken`. */
export function publisherEnvironment(wiring: CampaignWiring, work: string, snapshotToken: string): Record<string, string> {
  return {
    PUBLISHER_HOST: '127.0.0.1',
    PUBLISHER_PORT: String(wiring.sitePort),
    PUBLISHER_CONTROL_PORT: String(wiring.controlPort),
    PUBLISHER_HOOK_SECRET: wiring.hookSecret,
    PUBLISHER_TOKEN: wiring.publisherToken,
    PUBLISHER_DATA_DIR: path.join(work, 'publisher'),
    SITE_URL: wiring.siteUrl,
    CAMPAIGN_DESK_SNAPSHOT_URL: `${wiring.cmsUrl}/api/campaign-desk/snapshot`,
    CAMPAIGN_DESK_SUBMIT_URL: `${wiring.cmsUrl}/api/campaign-desk/participation`,
    CAMPAIGN_DESK_TOKEN: snapshotToken,
  };
}
