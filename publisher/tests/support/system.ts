/**
 * A publisher with its site and control servers on free ports, reading a stand-in of the
 * CMS's snapshot API that tests publish to and withdraw from; one data directory each.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { EVENT_ID_HEADER, signEvent } from '@campaign-desk/shared';
import { Publisher } from '../../src/publisher';
import { createControlServer, createSiteServer, type ControlStatus } from '../../src/server';
import { UndeliveredEvents } from '../../src/undelivered';
import type { DraftSource } from '../../src/preview';
import { readFixture } from '@campaign-desk/testing/fixture';
import { keepPosters, reusePosters } from '@campaign-desk/testing/poster-cache';
import { startSnapshotApi, type SnapshotApi } from '@campaign-desk/testing/snapshot-api';

export const SECRET = 'test-hook-secret-0123456789';
export const TOKEN = 'test-status-token-0123456789';
/** The address pages are built for; the servers listen on free ports and serve by path. */
export const SITE_URL = 'https://publisher-test.example.org';
/** Inside phase 2, as the site's own tests: builds are the same whatever the day. */
export const NOW = '2020-06-15T12:00:00+08:00';

export type Records = Array<Record<string, any>>;

export type System = {
  api: SnapshotApi;
  publisher: Publisher;
  dataDir: string;
  site: string;
  control: string;
  /** Asks for a build as the CMS's hook would, and waits for it. */
  build(reason?: string, options?: { force?: boolean; whole?: boolean }): Promise<ControlStatus>;
  status(): Promise<ControlStatus>;
  get(pathname: string): Promise<Response>;
  /** What the stand-in CMS hands over for a preview token: `{ ok: true, record }`, or a refusal. */
  drafts: { answer: Awaited<ReturnType<DraftSource>>; tokens: string[] };
  /** Stops the servers and the renderer; the data directory stays unless `remove`. */
  stop(options?: { remove?: boolean }): Promise<void>;
};

export const fixtureRecords = (): Records => structuredClone(readFixture().records);

/** `preview` as the demo builds (the fixture is all sample content), unless a test says otherwise. */
export async function startSystem(
  options: { records?: Records; api?: SnapshotApi; dataDir?: string; keepReleases?: number; preview?: boolean } = {},
): Promise<System> {
  const api = options.api ?? (await startSnapshotApi(options.records ?? fixtureRecords()));
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'publisher-test-')));
  // The posters earlier builds of the run drew (the publisher keeps images in <dataDir>/media).
  reusePosters(path.join(dataDir, 'media'));
  const source = { kind: 'http', url: api.url, token: api.token } as const;
  const publisher = await new Publisher({
    dataDir,
    siteDir: fileURLToPath(new URL('../../../site/', import.meta.url)),
    siteUrl: SITE_URL,
    source,
    keepReleases: options.keepReleases ?? 3,
    minPageRatio: 0.8,
    now: NOW,
    preview: options.preview ?? true,
  }).open();
  const drafts: System['drafts'] = { answer: { ok: false, status: 404, message: '没有草稿' }, tokens: [] };
  const preview = {
    secret: SECRET,
    drafts: async (token: string) => {
      drafts.tokens.push(token);
      return drafts.answer;
    },
  };
  const servers: FastifyInstance[] = [
    await createSiteServer({ publisher, siteUrl: SITE_URL, preview }),
    // Not cached: each test reads the stand-in's answer as it set it.
    await createControlServer({ publisher, undelivered: new UndeliveredEvents(source, { cacheMs: 0 }), hookSecret: SECRET, token: TOKEN }),
  ];
  const [site, control] = await Promise.all(
    servers.map(async (server) => {
      await server.listen({ host: '127.0.0.1', port: 0 });
      return `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    }),
  );
  const status = async () =>
    (await (await fetch(`${control}/status`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as ControlStatus;
  return {
    api,
    publisher,
    dataDir,
    site: site!,
    control: control!,
    async build(reason = 'test', buildOptions = {}) {
      publisher.request(reason, buildOptions);
      await publisher.idle();
      keepPosters(path.join(dataDir, 'media'));
      return status();
    },
    status,
    get: (pathname) => fetch(`${site}${pathname}`),
    drafts,
    async stop({ remove = true } = {}) {
      await Promise.all(servers.map((server) => server.close()));
      await publisher.close();
      if (!options.api) await api.close();
      if (remove) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A publish event for the hook, signed with the test secret (`timestamp` in unix seconds). */
export async function signedEvent(slug = 'story', timestamp?: number) {
  const id = randomUUID();
  const body = JSON.stringify({
    id,
    type: 'publish',
    recordType: 'story',
    contentType: 'plugin::campaign-desk.story',
    documentId: `doc-${slug}`,
    slug,
    occurredAt: new Date().toISOString(),
  });
  return { body, headers: { 'content-type': 'application/json', ...(await signEvent(body, SECRET, timestamp)), [EVENT_ID_HEADER]: id } };
}
