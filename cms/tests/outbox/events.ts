/** The outbox's configuration, the events a publish writes, and their delivery. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { UID } from 'strapi-plugin-campaign-desk/names';
import pluginConfig from '../../src/plugins/campaign-desk/server/src/config';
import {
  restartCms,
  BATCH_SIZE,
  cms,
  delivered,
  documents,
  make,
  outbox,
  outboxOf,
  receivedFor,
  receiver,
  report,
  signIn,
  worker,
} from './receiver';

export function eventsAndDelivery(): void {
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
      const refused = (await cms.strapi.db.query(UID.story).findOne({ where: { title: '短视频：没有媒体链接' } })) as {
        documentId: string;
      };
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

      await restartCms();

      await delivered(outlet.documentId, 1);
      expect(receivedFor(outlet.documentId)).toHaveLength(1);
    });

    it('takes back the claims of an instance that died once their lease runs out', async () => {
      await worker().stop();
      const outlet = await make.outlet({ name: '咸宁网' });
      expect((await outbox().claim('crashed', BATCH_SIZE, 60_000)).map((delivery) => delivery.event.documentId)).toEqual([
        outlet.documentId,
      ]);
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
}
