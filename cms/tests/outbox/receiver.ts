import { afterAll, beforeAll, expect, vi } from 'vitest';
import type { PublishEvent } from '@campaign-desk/shared';
import { signUp } from '@campaign-desk/testing/newsroom';
import { PLUGIN_ID, UID } from 'strapi-plugin-campaign-desk/names';
import { outboxReportSchema, type OutboxReport } from '../../src/plugins/campaign-desk/common/outbox-api';
import type deliveryWorker from '../../src/plugins/campaign-desk/server/src/outbox/services/delivery-worker';
import type outboxService from '../../src/plugins/campaign-desk/server/src/outbox/services/outbox';
import { fixtures } from '../support/fixtures';
import { startReceiver, type Receiver } from '../support/receiver';
import { startCms, type TestCms } from '../support/strapi';

export let cms: TestCms;

export let make: ReturnType<typeof fixtures>;

export let receiver: Receiver;

/** The plugin's default: a worker claims this many deliveries at a time. */
export const BATCH_SIZE = 10;

export const documents = (uid: (typeof UID)[keyof typeof UID]) => cms.strapi.documents(uid as never);

export const outbox = () => cms.strapi.plugin(PLUGIN_ID).service('outbox') as ReturnType<typeof outboxService>;

export const worker = () => cms.strapi.plugin(PLUGIN_ID).service('delivery-worker') as ReturnType<typeof deliveryWorker>;

export interface DeliveryRow {
  hook: string;
  status: string;
  attempts: number;
  lastError: string | null;
  claimedBy: string | null;
}

/** The outbox rows of a document's events, oldest first. */
export async function outboxOf(documentId: string) {
  const events = (await cms.strapi.db
    .query(UID.outboxEvent)
    .findMany({ where: { recordId: documentId }, orderBy: { id: 'asc' } })) as Array<{ eventId: string; type: string }>;
  const deliveries = (await cms.strapi.db
    .query(UID.outboxDelivery)
    .findMany({ where: { eventId: { $in: events.map((event) => event.eventId) } } })) as Array<DeliveryRow & { eventId: string }>;
  return events.map((event) => ({ ...event, deliveries: deliveries.filter((delivery) => delivery.eventId === event.eventId) }));
}

/** Waits until a document has `count` events, each delivered to the hook. */
export async function delivered(documentId: string, count: number) {
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

export const receivedFor = (documentId: string): PublishEvent[] => receiver.accepted().filter((event) => event.documentId === documentId);

/** The admin JWT of a new account of the role `roleCode` (the super admin's by default). */
export async function signIn(roleCode = 'strapi-super-admin'): Promise<string> {
  return (await signUp(cms, roleCode, '管理员')).token;
}

export async function getOutbox(token: string | null, query = '') {
  const response = await fetch(`${cms.url}/campaign-desk/outbox${query}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

export async function report(token: string, query = ''): Promise<OutboxReport> {
  const { status, body } = await getOutbox(token, query);
  expect(status, JSON.stringify(body)).toBe(200);
  return outboxReportSchema.parse(body);
}

/** Stops the CMS and starts it again on the same database, as after a restart. */
export async function restartCms(): Promise<void> {
  await cms.stop();
  cms = await startCms({ reuse: cms });
  make = fixtures(cms.strapi);
}

/** Boots the CMS and the receiver once for the file. */
export function bootWithReceiver(): void {
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
}
