/**
 * Campaign Desk as docs/operator/deploy.md puts it on a server, on 127.0.0.1: a PostgreSQL
 * cluster, object storage (s3rver), two Strapi instances (NODE_ENV=production, behind the
 * proxy), the publisher, and Debian's nginx in front of all of them with TLS. Whatever started
 * is stopped by PID, and the directory removed, also when starting fails half-way.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PublisherProcess } from '@campaign-desk/publisher/process';
import { startObjectStorage, type ObjectStorage } from '@campaign-desk/testing/object-storage';
import { freePort } from '@campaign-desk/testing/ports';
import { startCluster } from '@campaign-desk/testing/postgres';
import { findPostgresBin } from '@campaign-desk/testing/postgres-bin';
import { cmsTestEnv, compileCms } from '@campaign-desk/testing/strapi';
import plan from '../../../scripts/seed/plan.json';
import type { Endpoint } from './https';
import { makeCertificate, startNginx, type Nginx } from './nginx';
import { forkProcess, messageOf, type Managed } from './processes';

export const PORTAL = 'www.example.gov.cn';
export const CMS_HOST = 'cms.example.gov.cn';
/** The 专栏's path on the portal, as deploy/nginx/campaign-desk.conf has it. */
export const SITE_PATH = '/zt/liuda/';

const instanceModule = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cms-instance.mjs');

export type Role = 'reporter' | 'editor' | 'deskHead' | 'chief';
const ROLES: Record<Role, [string, string]> = {
  reporter: ['campaign-desk-reporter', '记者'],
  editor: ['campaign-desk-editor', '编辑'],
  deskHead: ['campaign-desk-editor', '部门主任'],
  chief: ['campaign-desk-chief-editor', '主编'],
};

export interface Stack {
  portal: Endpoint;
  cms: Endpoint;
  /** nginx's plain-http port (it only redirects). */
  httpPort: number;
  cmsPorts: [number, number];
  /** The publisher's site port (previews are passed to it). */
  sitePort: number;
  siteUrl: string;
  storage: ObjectStorage;
  nginx: Nginx;
  publisher: PublisherProcess;
  publisherDataDir: string;
  people: Record<Role, { email: string; password: string }>;
  /** The publisher's read-only API token. */
  apiToken: string;
  columns: Record<string, string>;
  rows(uid: string, where?: Record<string, unknown>): Promise<Array<Record<string, any>>>;
  stop(): Promise<void>;
}

/** Waits for the publisher's start-up build (the site's compile, when its templates changed, comes first). */
async function firstRelease(publisher: PublisherProcess): Promise<void> {
  const deadline = Date.now() + 300_000;
  for (;;) {
    const status = await publisher.status();
    if (status?.live && !status.building && !status.queued) return;
    if (!publisher.running || Date.now() > deadline) throw new Error(`the publisher made no release:\n${publisher.output.slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function startStack(): Promise<Stack> {
  const work = mkdtempSync(path.join(tmpdir(), 'campaign-desk-deploy-'));
  const stops: Array<() => unknown> = [() => rmSync(work, { recursive: true, force: true })];
  const stop = async () => {
    for (const step of stops.splice(0).reverse()) {
      try {
        await step();
      } catch (error) {
        console.error(`[deploy test] stopping: ${(error as Error).message}`);
      }
    }
  };
  try {
    await compileCms();
    const bin = findPostgresBin();
    if (!bin) throw new Error('the deployment test needs PostgreSQL server binaries (Debian: apt-get install postgresql)');
    const cluster = await startCluster(bin);
    stops.push(() => cluster.stop());
    const storage = await startObjectStorage();
    stops.push(() => storage.stop());

    const [httpPort, httpsPort, cmsA, cmsB, sitePort, controlPort] = (await Promise.all(Array.from({ length: 6 }, () => freePort()))) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const siteUrl = `https://${PORTAL}:${httpsPort}${SITE_PATH}`;
    const hookSecret = randomBytes(18).toString('base64url');
    const publisherToken = randomBytes(18).toString('base64url');
    const cmsEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TMPDIR: tmpdir(),
      ...cmsTestEnv(),
      NODE_ENV: 'production',
      DATABASE_CLIENT: 'postgres',
      DATABASE_URL: cluster.url,
      PUBLIC_URL: `https://${CMS_HOST}:${httpsPort}`,
      BEHIND_PROXY: 'true',
      PROXY_HOPS: '1',
      CAMPAIGN_DESK_TRUSTED_PROXIES: '127.0.0.1',
      SITE_URL: siteUrl,
      ...storage.env,
      CAMPAIGN_DESK_BUILD_HOOKS: JSON.stringify([
        { name: 'site', url: `http://127.0.0.1:${controlPort}/hooks/publish`, secret: hookSecret },
      ]),
      CAMPAIGN_DESK_OUTBOX_POLL_MS: '200',
      CAMPAIGN_DESK_OUTBOX_RETRY_BASE_MS: '200',
      CAMPAIGN_DESK_OUTBOX_RETRY_MAX_MS: '2000',
      // Cheap to solve: the test is about the way through nginx, not the cost.
      CAMPAIGN_DESK_PARTICIPATION_PROOF: JSON.stringify({ cost: 1, counterMin: 0, counterMax: 50 }),
    };
    // The first instance makes the schema; the second starts on it, as a second machine would.
    const instances: Managed[] = [];
    for (const port of [cmsA, cmsB]) {
      const instance = forkProcess(instanceModule, { ...cmsEnv, PORT: String(port) });
      instances.push(instance);
      stops.push(() => instance.stop());
      await messageOf(instance, 'ready');
    }
    const people = Object.fromEntries(
      (Object.keys(ROLES) as Role[]).map((role) => [
        role,
        { email: `${role.toLowerCase()}@newsroom.example.cn`, password: `Pw1${randomBytes(9).toString('base64url')}` },
      ]),
    ) as Stack['people'];
    const settingUp = messageOf<{ token: string; columns: Record<string, string> }>(instances[0]!, 'setUp');
    instances[0]!.child.send({
      setUp: {
        plan,
        people: (Object.keys(ROLES) as Role[]).map((role) => ({ role: ROLES[role][0], name: ROLES[role][1], ...people[role] })),
      },
    });
    const { token, columns } = await settingUp;

    const publisherDataDir = path.join(work, 'publisher');
    const publisher = new PublisherProcess({
      PUBLISHER_HOST: '127.0.0.1',
      PUBLISHER_PORT: String(sitePort),
      PUBLISHER_CONTROL_PORT: String(controlPort),
      PUBLISHER_HOOK_SECRET: hookSecret,
      PUBLISHER_TOKEN: publisherToken,
      PUBLISHER_DATA_DIR: publisherDataDir,
      PUBLISHER_MIN_PAGE_RATIO: '0.5',
      SITE_URL: siteUrl,
      CAMPAIGN_DESK_PREVIEW: 'false',
      // Inside the server, the publisher reads the snapshot from an instance directly.
      CAMPAIGN_DESK_SNAPSHOT_URL: `http://127.0.0.1:${cmsA}/api/campaign-desk/snapshot`,
      CAMPAIGN_DESK_SUBMIT_URL: `https://${PORTAL}:${httpsPort}${SITE_PATH}api/campaign-desk/participation`,
      CAMPAIGN_DESK_TOKEN: token,
    });
    publisher.start();
    stops.push(() => publisher.stop());

    // The portal's web root: <root>/zt/liuda is a link to the publisher's live link.
    const webRoot = path.join(work, 'www');
    mkdirSync(path.join(webRoot, path.dirname(SITE_PATH.slice(1, -1))), { recursive: true });
    symlinkSync(path.join(publisherDataDir, 'live'), path.join(webRoot, SITE_PATH.slice(1, -1)));
    const certificate = makeCertificate(work, [PORTAL, CMS_HOST]);
    const nginx = await startNginx({
      dir: path.join(work, 'nginx'),
      httpPort,
      httpsPort,
      cmsPorts: [cmsA, cmsB],
      sitePort,
      webRoot,
      certificate,
    });
    stops.push(() => nginx.stop());
    await firstRelease(publisher);

    return {
      portal: { host: PORTAL, port: httpsPort, ca: certificate.pem },
      cms: { host: CMS_HOST, port: httpsPort, ca: certificate.pem },
      httpPort,
      cmsPorts: [cmsA, cmsB],
      sitePort,
      siteUrl,
      storage,
      nginx,
      publisher,
      publisherDataDir,
      people,
      apiToken: token,
      columns,
      async rows(uid, where = {}) {
        const answer = messageOf<Array<Record<string, any>>>(instances[1]!, 'rows');
        instances[1]!.child.send({ rows: { uid, where } });
        return answer;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
