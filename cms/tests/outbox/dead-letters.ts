import { describe, expect, it, vi } from 'vitest';
import { PLUGIN_ID, UID } from 'strapi-plugin-campaign-desk/names';
import { BATCH_SIZE, cms, delivered, getOutbox, make, outbox, outboxOf, receivedFor, receiver, report, signIn, worker } from './receiver';

export function deadLettersAndAdminApi(): void {
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
}
