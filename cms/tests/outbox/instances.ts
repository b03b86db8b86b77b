import { describe, expect, it, vi } from 'vitest';
import { UID } from 'strapi-plugin-campaign-desk/names';
import { startCmsProcess } from '../support/strapi-process';
import { BATCH_SIZE, type DeliveryRow, cms, make, receiver, worker } from './receiver';

export function severalInstances(): void {
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
}
