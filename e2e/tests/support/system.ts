/**
 * The whole system on 127.0.0.1: Strapi with the plugin (in this process, on a temporary
 * SQLite database), the publisher (a child process, so a test can kill it) building the
 * real Astro site, and helpers to drive and watch them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Core } from '@strapi/strapi';
import { freePort } from '@campaign-desk/testing/ports';
import { bootCms, cmsTestEnv } from '@campaign-desk/testing/strapi';
import { PLUGIN_ID } from 'strapi-plugin-campaign-desk/names';

const publisherDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'publisher');

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
  lastBuild: { ok: boolean; error: string | null; release: string; reasons: string[] } | null;
}

export class PublisherProcess {
  private child: ChildProcess | null = null;
  readonly url: string;
  output = '';

  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  start() {
    const tsx = createRequire(path.join(publisherDir, 'package.json')).resolve('tsx/cli');
    this.child = spawn(process.execPath, [tsx, path.join(publisherDir, 'src', 'cli.ts'), 'start'], {
      cwd: publisherDir,
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString('utf8')).slice(-20_000);
    };
    this.child.stdout!.on('data', keep);
    this.child.stderr!.on('data', keep);
  }

  /** Kills the publisher outright (and the build it runs), as a crash would. */
  async kill() {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    this.child = null;
  }

  async stop() {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  async status(): Promise<PublisherStatus | null> {
    try {
      return (await (await fetch(`${this.url}/status`)).json()) as PublisherStatus;
    } catch {
      return null;
    }
  }

  async get(sitePath: string) {
    const response = await fetch(`${this.url}${sitePath}`);
    return { status: response.status, text: await response.text() };
  }
}

export interface CampaignSystem {
  strapi: Core.Strapi;
  cmsUrl: string;
  publisher: PublisherProcess;
  stop(): Promise<void>;
}

export async function startSystem(seed: unknown): Promise<CampaignSystem> {
  const work = mkdtempSync(path.join(tmpdir(), 'campaign-desk-e2e-'));
  const [cmsPort, publisherPort] = [await freePort(), await freePort()];
  const hookSecret = randomBytes(18).toString('base64url');
  const cmsUrl = `http://127.0.0.1:${cmsPort}`;
  const publisherUrl = `http://127.0.0.1:${publisherPort}`;

  // The port is chosen before Strapi starts: its public URL, which image URLs are made from, names it.
  const { strapi } = await bootCms(
    {
      ...cmsTestEnv(),
      PORT: String(cmsPort),
      PUBLIC_URL: cmsUrl,
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: path.join(work, 'data.db'),
      CAMPAIGN_DESK_BUILD_HOOKS: JSON.stringify([{ name: 'site', url: `${publisherUrl}/hooks/publish`, secret: hookSecret }]),
      CAMPAIGN_DESK_OUTBOX_POLL_MS: '200',
      CAMPAIGN_DESK_OUTBOX_RETRY_BASE_MS: '200',
      CAMPAIGN_DESK_OUTBOX_RETRY_MAX_MS: '2000',
    },
    cmsPort,
  );
  await strapi.plugin(PLUGIN_ID).service('seed').load(seed, 'e2e');
  const token = (
    (await strapi.service('admin::api-token').create({ name: 'e2e site', type: 'read-only', lifespan: null })) as { accessKey: string }
  ).accessKey;

  const publisher = new PublisherProcess(publisherPort, {
    PUBLISHER_HOST: '127.0.0.1',
    PUBLISHER_PORT: String(publisherPort),
    PUBLISHER_HOOK_SECRET: hookSecret,
    PUBLISHER_DATA_DIR: path.join(work, 'publisher'),
    PUBLISHER_MIN_PAGE_RATIO: '0.5',
    SITE_URL: publisherUrl,
    CAMPAIGN_DESK_SNAPSHOT_URL: `${cmsUrl}/api/campaign-desk/snapshot`,
    CAMPAIGN_DESK_TOKEN: token,
  });
  publisher.start();

  return {
    strapi,
    cmsUrl,
    publisher,
    async stop() {
      await publisher.stop();
      await strapi.destroy();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
