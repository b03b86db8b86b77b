/**
 * Publishes scheduled stories when their time comes. Every instance polls the table (the rows
 * are the source of truth, no timer holds a schedule); each due row is claimed by one
 * conditional update (`claimedAt` still empty), so of several instances exactly one publishes
 * it, and it is tried once: the publish and the row's 已按时发布 commit together, and a failure
 * is recorded, logged and told to whoever scheduled it, never retried.
 *
 * A row claimed but neither published nor failed after `claimTimeoutMs` belonged to an
 * instance that stopped mid-way (its publish rolled back with it): it is marked failed and told.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { formatChineseDateTime, type ReviewStage } from '@campaign-desk/shared';
import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, UID } from '../../../../common/names';
import { pluginConfig } from '../../config/read';
import notices from '../../notices/services/notices';
import type { AdminUser } from '../../request-context';
import review from '../../review/services/review';
import { defineService, getService } from '../../utils';
import { logScheduling } from '../schedule-rows';
import type { ScheduleRow } from './scheduling';

/** Due rows one poll takes at most; the next poll takes the rest. */
const BATCH = 20;

export default defineService('scheduler', ({ strapi }: { strapi: Core.Strapi }) => {
  const schedules = () => strapi.db.query(UID.schedule);
  const settings = () => pluginConfig(strapi).scheduling;
  /** Names this instance in `claimedBy`. */
  const id = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

  let started = false;
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<void> | undefined;

  /** Takes the row for this instance; false if another instance (or an unschedule) was first. */
  async function claim(row: ScheduleRow): Promise<boolean> {
    const { count } = (await schedules().updateMany({
      where: { id: row.id, state: 'pending', claimedAt: null },
      data: { claimedAt: new Date(), claimedBy: id },
    })) as { count: number };
    return count === 1;
  }

  /** Why the person who scheduled it may no longer publish, if so. */
  async function schedulerRefused(row: ScheduleRow): Promise<string | null> {
    const user = (await strapi.db.query('admin::user').findOne({
      where: { id: row.scheduledById, isActive: true },
      populate: { roles: { select: ['id', 'code'] } },
    })) as AdminUser | null;
    if (user && (await getService(strapi, review).mayPublish(user, row.storyId))) return null;
    return `安排它的${row.scheduledByName}已不能发布稿件`;
  }

  /** Logs a failed scheduled publish and tells whoever scheduled it; the row is already marked. */
  async function told(row: ScheduleRow, reason: string): Promise<void> {
    const draft = (await strapi.db.query(UID.story).findOne({
      where: { documentId: row.storyId, publishedAt: null },
      select: ['reviewStage'],
    })) as { reviewStage: ReviewStage | null } | null;
    const by = { id: row.scheduledById, name: row.scheduledByName };
    await logScheduling(strapi, row.storyId, 'scheduled-publish', draft?.reviewStage ?? 'draft', by, `定时发布失败：${reason}`);
    await getService(strapi, notices).scheduleFailed(row.storyId, row.scheduledById, reason);
  }

  const failure = (reason: string) => ({ state: 'failed', outcome: reason, finishedAt: new Date() });

  /** Publishes one claimed row, through the Document Service as a person's publish goes. */
  async function publish(row: ScheduleRow): Promise<void> {
    try {
      const refused = await schedulerRefused(row);
      if (refused) throw new Error(refused);
      await strapi.db.transaction(async () => {
        await strapi.documents(UID.story).publish({ documentId: row.storyId });
        // Still ours only while pending and claimed by us: a publish slower than the claim's timeout was already told as failed, so it is undone.
        const { count } = (await schedules().updateMany({
          where: { id: row.id, state: 'pending', claimedBy: id },
          data: { state: 'published', finishedAt: new Date() },
        })) as { count: number };
        if (count !== 1) throw new Error('执行超时，已按失败处理');
        const by = { id: row.scheduledById, name: row.scheduledByName };
        await logScheduling(
          strapi,
          row.storyId,
          'scheduled-publish',
          'approved',
          by,
          `按预定时间${formatChineseDateTime(row.publishAt)}发布`,
        );
      });
    } catch (error) {
      const reason = (error as Error).message;
      const { count } = (await schedules().updateMany({
        where: { id: row.id, state: 'pending', claimedBy: id },
        data: failure(reason),
      })) as { count: number };
      if (count === 1) await told(row, reason);
    }
  }

  /** Rows claimed by an instance that never finished them. */
  async function abandoned(): Promise<void> {
    const before = new Date(Date.now() - settings().claimTimeoutMs);
    const rows = (await schedules().findMany({ where: { state: 'pending', claimedAt: { $lt: before } } })) as ScheduleRow[];
    const reason = '执行定时发布的服务中途停止，稿件未发布，请重新安排';
    for (const row of rows) {
      const { count } = (await schedules().updateMany({ where: { id: row.id, state: 'pending' }, data: failure(reason) })) as {
        count: number;
      };
      if (count === 1) await told(row, reason);
    }
  }

  async function poll(): Promise<void> {
    const due = (await schedules().findMany({
      where: { state: 'pending', claimedAt: null, publishAt: { $lte: new Date() } },
      orderBy: { publishAt: 'asc' },
      limit: BATCH,
    })) as ScheduleRow[];
    for (const row of due) {
      if (started && (await claim(row))) await publish(row);
    }
    await abandoned();
  }

  function run(): void {
    if (!started) return;
    pass = poll()
      .catch((error: unknown) => {
        strapi.log.error(`[${PLUGIN_ID}] 定时发布：${(error as Error).message}`);
      })
      .finally(() => {
        pass = undefined;
        if (started) timer = setTimeout(run, settings().pollIntervalMs).unref();
      });
  }

  return {
    id,

    start(): void {
      if (started) return;
      started = true;
      run();
    },

    /** Stops polling and waits for a publish in flight to be recorded. */
    async stop(): Promise<void> {
      started = false;
      clearTimeout(timer);
      await pass;
    },
  };
});
