/**
 * The outbox: a publish event is written in the transaction of the change it announces,
 * with one delivery row per build hook; delivery workers claim due rows under a lease and
 * record each outcome. Rows, not memory, so nothing is lost when Strapi stops. A delivery
 * tried too often or too long is given up on (failed) and kept until someone redelivers it.
 * The rows as stored are in outbox-rows.ts, what the 发布事件 page reads in outbox-report.ts.
 */
import { randomUUID } from 'node:crypto';
import type { PublishEvent, RecordType, UndeliveredReport } from '@campaign-desk/shared';
import type { Core } from '@strapi/strapi';
import { UID } from '../../../../common/names';
import {
  RETRIED_STATUSES,
  type DeliveryState,
  type DeliveryStatus,
  type OutboxQuery,
  type OutboxReport,
} from '../../../../common/outbox-api';
import { pluginConfig } from '../../config/read';
import { defineService } from '../../utils';
import { outboxReport, undeliveredReport } from './outbox-report';
import { type DeliveryRow, type EventRow, eventOf, stateOf } from './outbox-rows';

/** A delivery a worker holds until its lease ends. */
export interface ClaimedDelivery {
  id: number;
  hook: string;
  attempts: number;
  /** Null for rows queued before deliveries were given up on: they are retried as they were. */
  queuedAt: string | null;
  event: PublishEvent;
}

/** Why a redelivery was not made: no such delivery, or one that was not given up on. */
export type RedeliveryRefusal = { reason: 'not-found' } | { reason: 'not-failed'; status: DeliveryStatus };

/** What an announced record needs: contract records (with their slug) fit as they are. */
export interface AnnouncedRecord {
  type: RecordType;
  documentId: string;
  slug?: string | null;
}

/** What `strapi.db.transaction` hands its callback (typed `any` upstream). */
type TransactionParams = { trx: unknown; onCommit(callback: () => void): void };

const LAST_ERROR_LENGTH = 500;

export default defineService('outbox', ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => pluginConfig(strapi);
  const hookNames = () => settings().buildHooks.map((hook) => hook.name);
  const events = () => strapi.db.query(UID.outboxEvent);
  const deliveries = () => strapi.db.query(UID.outboxDelivery);
  /** The delivery worker's wake-up, once it has started (delivery-worker.ts); until then nothing is sent. */
  let wakeWorker = (): void => {};

  /** The slug a record was last announced with: a withdrawn record no longer has a public one. */
  async function lastSlug(record: AnnouncedRecord): Promise<string | null> {
    const row = (await events().findOne({
      select: ['slug'],
      where: { recordType: record.type, recordId: record.documentId, slug: { $notNull: true } },
      orderBy: { id: 'desc' },
    })) as Pick<EventRow, 'slug'> | null;
    return row?.slug ?? null;
  }

  async function eventsById(ids: string[]): Promise<Map<string, PublishEvent>> {
    const rows = (await events().findMany({ where: { eventId: { $in: ids } } })) as EventRow[];
    return new Map(rows.map((row) => [row.eventId, eventOf(row)]));
  }

  return {
    /** Who looks for due deliveries when some are queued: the delivery worker, as it starts. */
    whenQueued(wake: () => void): void {
      wakeWorker = wake;
    },

    /**
     * Records that a record was published, unpublished or deleted, in the transaction of
     * that change, and kicks the delivery worker once it commits.
     */
    async enqueue(type: PublishEvent['type'], record: AnnouncedRecord): Promise<void> {
      await strapi.db.transaction(async ({ onCommit }: TransactionParams) => {
        const eventId = randomUUID();
        const now = new Date();
        await events().create({
          data: {
            eventId,
            type,
            recordType: record.type,
            contentType: UID[record.type],
            recordId: record.documentId,
            slug: type === 'publish' ? (record.slug ?? null) : await lastSlug(record),
            occurredAt: now,
          },
        });
        const hooks = hookNames();
        if (hooks.length === 0) return;
        await deliveries().createMany({
          data: hooks.map((hook) => ({ eventId, hook, status: 'pending', attempts: 0, nextAttemptAt: now, queuedAt: now })),
        });
        onCommit(() => wakeWorker());
      });
    },

    /**
     * Claims up to `limit` due deliveries to the configured hooks for `worker`, for `leaseMs`.
     * On PostgreSQL the due rows are locked FOR UPDATE SKIP LOCKED, so instances sharing the
     * database claim disjoint rows without waiting on each other; SQLite has a single writer,
     * so the transaction alone does. A lease that has run out (its worker died) is free again.
     */
    async claim(worker: string, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
      const hooks = hookNames();
      if (hooks.length === 0) return [];
      const now = new Date();
      const rows = await strapi.db.transaction(async ({ trx }: TransactionParams) => {
        const due = strapi.db
          .queryBuilder(UID.outboxDelivery)
          .select(['id'])
          .where({
            hook: { $in: hooks },
            status: { $in: [...RETRIED_STATUSES] },
            nextAttemptAt: { $lte: now },
            $or: [{ claimedUntil: { $null: true } }, { claimedUntil: { $lt: now } }],
          })
          .orderBy([{ nextAttemptAt: 'asc' }, { id: 'asc' }])
          .limit(limit)
          .transacting(trx)
          .getKnexQuery();
        if (strapi.db.dialect.client !== 'sqlite') due.forUpdate().skipLocked();
        const ids = ((await due) as Array<{ id: number }>).map((row) => row.id);
        if (ids.length === 0) return [];
        await deliveries().updateMany({
          where: { id: { $in: ids } },
          data: { claimedBy: worker, claimedUntil: new Date(now.getTime() + leaseMs) },
        });
        return (await deliveries().findMany({ where: { id: { $in: ids } }, orderBy: { id: 'asc' } })) as DeliveryRow[];
      });
      const byId = await eventsById([...new Set(rows.map((row) => row.eventId))]);
      return rows.map((row) => ({
        id: row.id,
        hook: row.hook,
        attempts: row.attempts,
        queuedAt: row.queuedAt,
        event: byId.get(row.eventId)!,
      }));
    },

    /** Records a delivery the hook accepted; only the worker holding the claim may. */
    async delivered(delivery: ClaimedDelivery, worker: string): Promise<void> {
      await deliveries().updateMany({
        where: { id: delivery.id, claimedBy: worker },
        data: { status: 'delivered', attempts: delivery.attempts + 1, deliveredAt: new Date(), claimedUntil: null },
      });
    },

    /**
     * Records a failed attempt and when to try again: the n-th failure waits base × 2^(n−1),
     * at most the cap, half of it random so the retries of many events spread out. After
     * `maxAttempts` attempts, or once queued `maxAgeMs` ago, the delivery is given up on
     * instead (failed), logged, and kept for the 发布事件 page.
     */
    async attemptFailed(delivery: ClaimedDelivery, worker: string, error: string): Promise<void> {
      const { retryBaseMs, retryMaxMs, maxAttempts, maxAgeMs } = settings().outbox;
      const attempts = delivery.attempts + 1;
      const now = Date.now();
      const givenUp =
        (maxAttempts !== undefined && attempts >= maxAttempts) ||
        (delivery.queuedAt !== null && now - new Date(delivery.queuedAt).getTime() >= maxAgeMs);
      const ceiling = Math.min(retryMaxMs, retryBaseMs * 2 ** Math.min(attempts - 1, 30));
      const delay = ceiling / 2 + Math.random() * (ceiling / 2);
      const recorded = await deliveries().updateMany({
        where: { id: delivery.id, claimedBy: worker },
        data: {
          status: givenUp ? 'failed' : 'failing',
          attempts,
          lastError: error.slice(0, LAST_ERROR_LENGTH),
          nextAttemptAt: new Date(givenUp ? now : now + delay),
          claimedUntil: null,
        },
      });
      if (givenUp && recorded.count > 0) {
        const { event } = delivery;
        strapi.log.error(
          `[campaign-desk] gave up delivering publish event ${event.id} (${event.type} ${event.recordType} ${event.slug ?? event.documentId}) ` +
            `to hook ${delivery.hook} after ${attempts} attempts since ${delivery.queuedAt}: ${error}. It waits on the 发布事件 page to be redelivered.`,
        );
      }
    },

    /**
     * Queues a delivery that was given up on again, as if new: attempts and age count from
     * now. Only a failed one (compare-and-set: of two clicks, one redelivers).
     */
    async redeliver(id: number): Promise<DeliveryState | RedeliveryRefusal> {
      const now = new Date();
      const { count } = await deliveries().updateMany({
        where: { id, status: 'failed' },
        data: { status: 'pending', attempts: 0, nextAttemptAt: now, queuedAt: now, claimedBy: null, claimedUntil: null },
      });
      const row = (await deliveries().findOne({ where: { id } })) as DeliveryRow | null;
      if (!row) return { reason: 'not-found' };
      if (count === 0) return { reason: 'not-failed', status: row.status };
      wakeWorker();
      return stateOf(row);
    },

    /** Deliveries not made: given up on, and still tried but queued longer ago than `overdueAfterMs`. */
    undelivered: (): Promise<UndeliveredReport> => undeliveredReport(strapi),

    /** Recent events with the state of each delivery, and delivery counts by state. */
    report: (query: OutboxQuery): Promise<Omit<OutboxReport, 'mayRedeliver'>> => outboxReport(strapi, query),
  };
});
