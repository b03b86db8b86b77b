/**
 * What the 发布事件 page and /undelivered read of the outbox: recent events with the state of
 * each delivery, counts by state, and the deliveries not made.
 */
import type { UndeliveredReport } from '@campaign-desk/shared';
import type { Core } from '@strapi/strapi';
import { UID } from '../../../../common/names';
import {
  DELIVERY_STATUSES,
  RETRIED_STATUSES,
  type DeliveryStatus,
  type OutboxQuery,
  type OutboxReport,
} from '../../../../common/outbox-api';
import { pluginConfig } from '../../config/read';
import { type DeliveryRow, type EventRow, eventOf, stateOf } from './outbox-rows';

/** Ids of the events most recently given a delivery in `status`, newest first. */
async function eventIdsWith(strapi: Core.Strapi, status: DeliveryStatus, limit: number): Promise<string[]> {
  const { tableName, attributes } = strapi.db.metadata.get(UID.outboxDelivery);
  const column = (attribute: string) => (attributes[attribute] as { columnName: string }).columnName;
  const rows = (await strapi.db
    .getConnection(tableName)
    .select(column('eventId'))
    .where(column('status'), status)
    .groupBy(column('eventId'))
    .orderByRaw('max(id) desc')
    .limit(limit)) as Array<Record<string, string>>;
  return rows.map((row) => row[column('eventId')]!);
}

/** Deliveries not made: given up on, and still tried but queued longer ago than `overdueAfterMs`. */
export async function undeliveredReport(strapi: Core.Strapi): Promise<UndeliveredReport> {
  const deliveries = () => strapi.db.query(UID.outboxDelivery);
  const { overdueAfterMs } = pluginConfig(strapi).outbox;
  const overdueBefore = new Date(Date.now() - overdueAfterMs);
  const [failed, overdue, oldest] = await Promise.all([
    deliveries().count({ where: { status: 'failed' } }),
    deliveries().count({ where: { status: { $in: [...RETRIED_STATUSES] }, queuedAt: { $lt: overdueBefore } } }),
    deliveries().findOne({
      select: ['queuedAt'],
      where: { status: { $ne: 'delivered' }, queuedAt: { $notNull: true } },
      orderBy: { queuedAt: 'asc' },
    }) as Promise<Pick<DeliveryRow, 'queuedAt'> | null>,
  ]);
  return { failed, overdue, overdueAfterMs, oldestQueuedAt: oldest?.queuedAt ? new Date(oldest.queuedAt).toISOString() : null };
}

/** Recent events with the state of each delivery, and delivery counts by state. */
export async function outboxReport(strapi: Core.Strapi, { limit, status }: OutboxQuery): Promise<Omit<OutboxReport, 'mayRedeliver'>> {
  const events = () => strapi.db.query(UID.outboxEvent);
  const deliveries = () => strapi.db.query(UID.outboxDelivery);
  const counts = Object.fromEntries(
    await Promise.all(DELIVERY_STATUSES.map(async ({ key }) => [key, await deliveries().count({ where: { status: key } })])),
  ) as OutboxReport['counts'];
  const rows = (await events().findMany({
    where: status ? { eventId: { $in: await eventIdsWith(strapi, status, limit) } } : {},
    orderBy: { id: 'desc' },
    limit,
  })) as EventRow[];
  const states = (await deliveries().findMany({
    where: { eventId: { $in: rows.map((row) => row.eventId) } },
    orderBy: { hook: 'asc' },
  })) as DeliveryRow[];
  return {
    counts,
    hooks: pluginConfig(strapi).buildHooks.map((hook) => hook.name),
    events: rows.map((row) => ({
      ...eventOf(row),
      deliveries: states.filter((state) => state.eventId === row.eventId).map(stateOf),
    })),
  };
}
