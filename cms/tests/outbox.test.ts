/**
 * Signed publish events through the outbox, as a build hook sees them: a receiver on
 * 127.0.0.1 checks every request with the shared verifier and records what it got.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PublishEvent } from '@campaign-desk/shared';
import { signUp } from '@campaign-desk/testing/newsroom';
import { PLUGIN_ID, UID } from 'strapi-plugin-campaign-desk/names';
import pluginConfig from '../src/plugins/campaign-desk/server/src/config';
import { outboxReportSchema, type OutboxReport } from '../src/plugins/campaign-desk/common/outbox-api';
import type deliveryWorker from '../src/plugins/campaign-desk/server/src/outbox/services/delivery-worker';
import type outboxService from '../src/plugins/campaign-desk/server/src/outbox/services/outbox';
import { fixtures } from './support/fixtures';
import { startReceiver, type Receiver } from './support/receiver';
import { startCms, type TestCms } from './support/strapi';
import { startCmsProcess } from './support/strapi-process';

let cms: TestCms;
let make: ReturnType<typeof fixtures>;
let receiver: Receiver;

/** The plugin's default: a worker claims this many deliveries at a time. */
const BATCH_SIZE = 10;

beforeAll(async () => {
  receiver = await startReceiver();
  cms = await startCms({
    env: {
      CAMPAIGN_DESK_BUILD_HOOKS: JSON.stringify([{ name: 'site', url: receiver.url, secret: receiver.secret }]),
      CAMPAIGN_DESK_OUTBOX_POLL_MS: '100',
      CAMPAIGN_DESK_OUTBOX_RETRY_BASE_MS: '50',
      CAMPAIGN_DESK_OUTBOX_RETRY_MAX_MS: '400',
    },
  });
  make = fixtures(cms.strapi);
});
afterAll(async () => {
  await cms?.destroy();
  await receiver?.close();
});

const documents = (uid: (typeof UID)[keyof typeof UID]) => cms.strapi.documents(uid as never);
const outbox = () => cms.strapi.plugin(PLUGIN_ID).service('outbox') as ReturnType<typeof outboxService>;
const worker = () => cms.strapi.plugin(PLUGIN_ID).service('delivery-worker') as ReturnType<typeof deliveryWorker>;

interface DeliveryRow {
  hook: string;
  status: string;
  attempts: number;
  lastError: string | null;
  claimedBy: string | null;
}

/** The outbox rows of a document's events, oldest first. */
async function outboxOf(documentId: string) {
  const events = (await cms.strapi.db
    .query(UID.outboxEvent)
    .findMany({ where: { recordId: documentId }, orderBy: { id: 'asc' } })) as Array<{ eventId: string; type: string }>;
  const deliveries = (await cms.strapi.db
    .query(UID.outboxDelivery)
    .findMany({ where: { eventId: { $in: events.map((event) => event.eventId) } } })) as Array<DeliveryRow & { eventId: string }>;
  return events.map((event) => ({ ...event, deliveries: deliveries.filter((delivery) => delivery.eventId === event.eventId) }));
}

/** Waits until a document has `count` events, each delivered to the hook. */
async function delivered(documentId: string, count: number) {
  return vi.waitFor(
    async () => {
      const events = await outboxOf(documentId);
      expect(events).toHaveLength(count);
      for (const event of events) expect(event.deliveries).toMatchObject([{ hook: 'site', status: 'delivered' }]);
      return events;
    },
    { timeout: 20_000, interval: 50 },
  );
}

const receivedFor = (documentId: string): PublishEvent[] => receiver.accepted().filter((event) => event.documentId === documentId);

/** The admin JWT of a new account of the role `roleCode` (the super admin's by default). */
async function signIn(roleCode = 'strapi-super-admin'): Promise<string> {
  return (await signUp(cms, roleCode, '管理员')).token;
}

async function getOutbox(token: string | null, query = '') {
  const response = await fetch(`${cms.url}/campaign-desk/outbox${query}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

async function report(token: string, query = ''): Promise<OutboxReport> {
  const { status, body } = await getOutbox(token, query);
  expect(status, JSON.stringify(body)).toBe(200);
  return outboxReportSchema.parse(body);
}

describe('configuration', () => {
  it('refuses malformed build hooks at start-up, naming the field', () => {
    const hook = { name: 'site', url: 'http://127.0.0.1:4000/hooks/publish', secret: 'a-secret-long-enough' };
    // The participation key is required; a valid one keeps the hooks the only thing judged here.
    const participation = { key: randomBytes(32).toString('base64') };
    const validate = (config: Record<string, unknown>) => pluginConfig.validator({ participation, ...config });
    expect(() => validate({ buildHooks: [hook] })).not.toThrow();
    expect(() => validate({ buildHooks: [{ ...hook, url: 'ftp://example.cn' }] })).toThrow('buildHooks.0.url');
    expect(() => validate({ buildHooks: [hook, { ...hook, secret: 'short' }] })).toThrow('buildHooks.1.secret');
    expect(() => validate({ buildHooks: [{ ...hook, token: 'x' }] })).toThrow('buildHooks.0');
    expect(() => validate({ buildHooks: [hook, hook] })).toThrow('hook names must be unique');
    expect(() => validate({ buildHooks: { name: 'site' } })).toThrow('buildHooks');
  });
});

describe('publish events', () => {
  it('announce a new outlet once, signed for the hook, with its slug', async () => {
    const outlet = await make.outlet({ name: '咸宁日报社' });
    const [row] = await delivered(outlet.documentId, 1);
    expect(receivedFor(outlet.documentId)).toEqual([
      {
        id: row!.eventId,
        type: 'publish',
        recordType: 'outlet',
        contentType: UID.outlet,
        documentId: outlet.documentId,
        slug: outlet.slug,
        occurredAt: expect.any(String),
      },
    ]);
    const request = receiver.requests.find(({ result }) => result.ok && result.event.id === row!.eventId)!;
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['x-campaign-desk-event']).toBe(row!.eventId);
  });

  it('announce each publish, unpublish and delete of a column once, under its slug', async () => {
    const column = await make.column({ name: '“六大”活动大家谈' }, false);
    // A draft is not public: nothing to announce.
    expect(await outboxOf(column.documentId)).toEqual([]);

    await documents(UID.column).publish({ documentId: column.documentId } as never);
    await delivered(column.documentId, 1);
    await documents(UID.column).unpublish({ documentId: column.documentId } as never);
    await delivered(column.documentId, 2);
    await documents(UID.column).publish({ documentId: column.documentId } as never);
    await delivered(column.documentId, 3);
    await documents(UID.column).delete({ documentId: column.documentId } as never);
    await delivered(column.documentId, 4);

    expect(receivedFor(column.documentId).map((event) => [event.type, event.recordType, event.slug])).toEqual([
      ['publish', 'column', column.slug],
      ['unpublish', 'column', column.slug],
      ['publish', 'column', column.slug],
      ['delete', 'column', column.slug],
    ]);
  });

  it('announce a published story; a publish the contract refuses announces nothing', async () => {
    const story = await make.story({ title: '咸宁开展“六大”活动' });
    await delivered(story.documentId, 1);
    expect(receivedFor(story.documentId)).toMatchObject([{ type: 'publish', recordType: 'story', slug: story.slug }]);

    await expect(make.story({ title: '短视频：没有媒体链接', kind: 'video' })).rejects.toThrow('媒体链接');
    const refused = (await cms.strapi.db.query(UID.story).findOne({ where: { title: '短视频：没有媒体链接' } })) as { documentId: string };
    expect(await outboxOf(refused.documentId)).toEqual([]);
  });

  it('no request failed verification', () => {
    expect(receiver.requests.filter(({ result }) => !result.ok)).toEqual([]);
  });
});

describe('delivery', () => {
  it('keeps retrying while the hook is down, shows why to administrators, and delivers once it is back', async () => {
    const token = await signIn();
    await receiver.down();
    const outlet = await make.outlet({ name: '香城都市报' });
    await vi.waitFor(
      async () => {
        const [event] = await outboxOf(outlet.documentId);
        expect(event!.deliveries[0]).toMatchObject({ status: 'failing', lastError: expect.stringContaining('ECONNREFUSED') });
        expect(event!.deliveries[0]!.attempts).toBeGreaterThanOrEqual(2);
      },
      { timeout: 20_000, interval: 50 },
    );

    const failing = await report(token, '?status=failing');
    expect(failing.counts.failing).toBeGreaterThanOrEqual(1);
    expect(failing.events.find((event) => event.documentId === outlet.documentId)?.deliveries).toMatchObject([
      {
        hook: 'site',
        status: 'failing',
        lastError: expect.stringContaining('ECONNREFUSED'),
        nextAttemptAt: expect.any(String),
        deliveredAt: null,
      },
    ]);

    await receiver.up();
    const [row] = await delivered(outlet.documentId, 1);
    expect(row!.deliveries[0]!.attempts).toBeGreaterThanOrEqual(3);
    expect(receivedFor(outlet.documentId)).toHaveLength(1);
  });

  it('delivers after a restart what was still pending when Strapi stopped', async () => {
    await worker().stop();
    const outlet = await make.outlet({ name: '咸宁广播电视台' });
    expect(await outboxOf(outlet.documentId)).toMatchObject([{ type: 'publish', deliveries: [{ status: 'pending', attempts: 0 }] }]);

    await cms.stop();
    cms = await startCms({ reuse: cms });
    make = fixtures(cms.strapi);

    await delivered(outlet.documentId, 1);
    expect(receivedFor(outlet.documentId)).toHaveLength(1);
  });

  it('takes back the claims of an instance that died once their lease runs out', async () => {
    await worker().stop();
    const outlet = await make.outlet({ name: '咸宁网' });
    expect((await outbox().claim('crashed', BATCH_SIZE, 60_000)).map((delivery) => delivery.event.documentId)).toEqual([outlet.documentId]);
    // Leased: nobody else may take it.
    expect(await outbox().claim('another', BATCH_SIZE, 60_000)).toEqual([]);

    // The lease runs out without the crashed instance ever recording an outcome.
    await cms.strapi.db
      .query(UID.outboxDelivery)
      .updateMany({ where: { claimedBy: 'crashed' }, data: { claimedUntil: new Date(Date.now() - 1000) } });
    worker().start();
    const [row] = await delivered(outlet.documentId, 1);
    expect(row!.deliveries[0]!.claimedBy).toBe(worker().id);
    expect(receivedFor(outlet.documentId)).toHaveLength(1);
  });
});

describe('dead letters', () => {
  /** Sets outbox settings for one test (the service reads them on each use). */
  async function withOutboxSettings(settings: Record<string, number>, test: () => Promise<void>) {
    const key = `plugin::${PLUGIN_ID}.outbox`;
    const saved = { ...cms.strapi.config.get<Record<string, number>>(key) };
    cms.strapi.config.set(key, { ...saved, ...settings });
    try {
      await test();
    } finally {
      cms.strapi.config.set(key, saved);
      await receiver.up().catch(() => {});
    }
  }
  const redeliver = async (token: string, id: number | string) => {
    const response = await fetch(`${cms.url}/campaign-desk/outbox/deliveries/${id}/redeliver`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    });
    return {
      status: response.status,
      body: (await response.json()) as { error?: { message: string }; status?: string; attempts?: number },
    };
  };
  const undelivered = async (token: string | null) => {
    const response = await fetch(`${cms.url}/api/campaign-desk/undelivered`, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };

  it('gives a delivery up after the configured attempts, shows it failed, and the chief editor redelivers it', async () => {
    // Everything announced so far (the taxonomy at start-up included) has arrived.
    await vi.waitFor(
      async () => expect(await cms.strapi.db.query(UID.outboxDelivery).count({ where: { status: { $ne: 'delivered' } } })).toBe(0),
      { timeout: 20_000, interval: 50 },
    );
    await withOutboxSettings({ maxAttempts: 3 }, async () => {
      await receiver.down();
      const outlet = await make.outlet({ name: '咸宁日报新媒体中心' });
      const [event] = await vi.waitFor(
        async () => {
          const events = await outboxOf(outlet.documentId);
          expect(events[0]!.deliveries[0]).toMatchObject({
            status: 'failed',
            attempts: 3,
            lastError: expect.stringContaining('ECONNREFUSED'),
          });
          return events;
        },
        { timeout: 20_000, interval: 50 },
      );
      // Given up: no worker claims it again.
      expect(await outbox().claim('probe', BATCH_SIZE, 1)).toEqual([]);

      const chief = await signIn('campaign-desk-chief-editor');
      const failed = await report(chief, '?status=failed');
      expect(failed.mayRedeliver).toBe(true);
      expect(failed.counts.failed).toBe(1);
      const [state] = failed.events.find((candidate) => candidate.id === event!.eventId)!.deliveries;
      expect(state).toMatchObject({ hook: 'site', status: 'failed', attempts: 3, nextAttemptAt: null, queuedAt: expect.any(String) });

      // The publisher learns of it with the site's read-only token.
      const siteToken = await make.apiToken('read-only');
      expect(await undelivered(siteToken)).toEqual({
        status: 200,
        body: { failed: 1, overdue: 0, overdueAfterMs: 300_000, oldestQueuedAt: state!.queuedAt },
      });
      expect((await undelivered(null)).status).toBe(401);

      const editor = await signIn('campaign-desk-editor');
      expect((await redeliver(editor, state!.id)).status).toBe(403);

      await receiver.up();
      expect(await redeliver(chief, state!.id)).toMatchObject({ status: 200, body: { status: 'pending', attempts: 0 } });
      const [row] = await delivered(outlet.documentId, 1);
      expect(row!.deliveries[0]!.attempts).toBe(1);
      expect(receivedFor(outlet.documentId)).toHaveLength(1);
      expect(await undelivered(siteToken)).toMatchObject({ body: { failed: 0, overdue: 0 } });

      const again = await redeliver(chief, state!.id);
      expect(again.status).toBe(409);
      expect(again.body.error!.message).toBe(`推送记录 ${state!.id} 的状态是“已送达”，只有失败的推送可以重新投递`);
      expect((await redeliver(chief, 2_000_000_000)).status).toBe(404);
      expect(await redeliver(chief, 'abc')).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('id') } } });
    });
  });

  it('gives a delivery up once it has been tried longer than the configured age', async () => {
    await withOutboxSettings({ maxAgeMs: 1 }, async () => {
      await receiver.down();
      const outlet = await make.outlet({ name: '咸宁电视台新闻频道' });
      await vi.waitFor(
        async () => expect((await outboxOf(outlet.documentId))[0]!.deliveries[0]).toMatchObject({ status: 'failed', attempts: 1 }),
        { timeout: 20_000, interval: 50 },
      );
    });
  });

  it('counts deliveries still waiting longer than the overdue time', async () => {
    await worker().stop();
    try {
      await withOutboxSettings({ overdueAfterMs: 1 }, async () => {
        const before = (await outbox().undelivered()).overdue;
        await make.outlet({ name: '通山县融媒体中心' });
        await vi.waitFor(async () => expect((await outbox().undelivered()).overdue).toBe(before + 1), { timeout: 5_000, interval: 20 });
      });
    } finally {
      worker().start();
    }
  });
});

describe('the outbox in the admin API', () => {
  it('shows super admins recent events, newest first, with their delivery state and counts', async () => {
    const token = await signIn();
    const outlet = await make.outlet({ name: '湖北日报' });
    await delivered(outlet.documentId, 1);

    const body = await report(token, '?limit=5');
    expect(body.hooks).toEqual(['site']);
    expect(body.events).toHaveLength(5);
    expect(body.events[0]).toMatchObject({
      type: 'publish',
      recordType: 'outlet',
      documentId: outlet.documentId,
      deliveries: [
        { hook: 'site', status: 'delivered', attempts: 1, nextAttemptAt: null, lastError: null, deliveredAt: expect.any(String) },
      ],
    });
    const total = await cms.strapi.db.query(UID.outboxDelivery).count({});
    expect(body.counts.delivered + body.counts.pending + body.counts.failing + body.counts.failed).toBe(total);
    expect(body.counts.delivered).toBeGreaterThanOrEqual(10);
  });

  it('is for administrators granted it: the chief editor yes, an editor no, nobody anonymous', async () => {
    expect((await getOutbox(await signIn('campaign-desk-chief-editor'))).status).toBe(200);
    expect((await getOutbox(await signIn('campaign-desk-editor'))).status).toBe(403);
    expect((await getOutbox(null)).status).toBe(401);
  });

  it.each([
    ['?limit=0', 'limit'],
    ['?limit=1000', 'limit'],
    ['?status=lost', 'status'],
    ['?page=2', 'page'],
  ])('answers %s with a 400 naming the parameter', async (query, name) => {
    const { status, body } = await getOutbox(await signIn(), query);
    expect(status).toBe(400);
    expect((body as { error: { message: string } }).error.message).toContain(name);
  });
});

describe('several instances on one database', () => {
  it.skipIf(process.env.TEST_DATABASE !== 'postgres')('deliver each of 200 events exactly once between them', async () => {
    const second = await startCmsProcess(cms);
    try {
      // Responses wait until more requests are in flight than one worker claims at a time:
      // both instances are then provably delivering side by side.
      receiver.holdUntil((waiting) => waiting > BATCH_SIZE);
      const outlets = await cms.strapi.db.transaction(async () => {
        const created: string[] = [];
        for (let i = 1; i <= 200; i += 1) created.push((await make.outlet({ name: `县级融媒体中心${i}` })).documentId);
        return created;
      });

      const rows = await vi.waitFor(
        async () => {
          const all = (await cms.strapi.db.query(UID.outboxEvent).findMany({ where: { recordId: { $in: outlets } } })) as Array<{
            eventId: string;
          }>;
          const deliveries = (await cms.strapi.db
            .query(UID.outboxDelivery)
            .findMany({ where: { eventId: { $in: all.map((event) => event.eventId) } } })) as DeliveryRow[];
          expect(deliveries).toHaveLength(200);
          expect(deliveries.filter((delivery) => delivery.status === 'delivered')).toHaveLength(200);
          return deliveries;
        },
        { timeout: 50_000, interval: 100 },
      );

      const received = receiver.requests.filter(({ result }) => (result.ok ? outlets.includes(result.event.documentId) : true));
      expect(received.filter(({ result }) => !result.ok)).toEqual([]);
      expect(received).toHaveLength(200);
      expect(new Set(received.map(({ result }) => result.ok && result.event.documentId)).size).toBe(200);
      expect(rows.every((row) => row.attempts === 1)).toBe(true);
      expect(new Set(rows.map((row) => row.claimedBy))).toEqual(new Set([worker().id, second.worker]));
    } finally {
      await second.stop();
    }
  });
});
