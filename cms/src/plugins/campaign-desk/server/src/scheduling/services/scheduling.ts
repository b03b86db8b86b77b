/**
 * 定时发布: a story that passed 终审 is scheduled for a time (Beijing time) by someone who may
 * publish it, and goes out then through the same Document Service publish as a person's
 * (scheduler.ts). It can be unscheduled or moved; an edit or a return cancels it (review.ts,
 * through schedule-rows.ts). The time is checked here, for every door that schedules.
 */
import { formatChineseDateTime, type ReviewStage } from '@campaign-desk/shared';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../../../common/names';
import { stageName } from '../../../../common/review-stages';
import {
  scheduleInstant,
  type Schedule,
  type ScheduledStory,
  type ScheduleState,
  type ScheduleStatus,
} from '../../../../common/schedule-api';
import { pluginConfig } from '../../config/read';
import { refusal } from '../../errors';
import { nameOf } from '../../newsroom/services/people';
import review from '../../review/services/review';
import { assertReadable, mayPublishStory, type Viewer } from '../../review/services/story-drafts';
import { defineService, getService } from '../../utils';
import { cancelSchedule, logScheduling, type Actor } from '../schedule-rows';

export interface ScheduleRow {
  id: number;
  storyId: string;
  publishAt: string | Date;
  state: ScheduleState;
  scheduledById: number;
  scheduledByName: string;
  claimedAt: string | Date | null;
  outcome: string | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A refusal of the time asked for, naming the story and the field. */
function badTime(title: string, message: string) {
  return new errors.ValidationError(`稿件《${title}》的定时发布时间（publishAt）${message}`, {
    errors: [{ path: ['publishAt'], message, name: 'ValidationError' }],
  });
}

export const scheduleOf = (row: ScheduleRow): Schedule => ({
  publishAt: new Date(row.publishAt).toISOString(),
  state: row.state,
  scheduledBy: row.scheduledByName,
  outcome: row.outcome,
});

export default defineService('scheduling', ({ strapi }: { strapi: Core.Strapi }) => {
  const schedules = () => strapi.db.query(UID.schedule);
  const reviews = () => getService(strapi, review);

  async function draftOf(documentId: string): Promise<{ title: string; reviewStage: ReviewStage }> {
    const draft = (await strapi.db.query(UID.story).findOne({
      where: { documentId, publishedAt: null },
      select: ['title', 'reviewStage'],
    })) as { title: string; reviewStage: ReviewStage | null } | null;
    if (!draft) throw new errors.NotFoundError(`没有找到稿件 ${documentId}`);
    return { title: draft.title, reviewStage: draft.reviewStage ?? 'draft' };
  }

  /** The story's pending schedule, else its latest. */
  async function latestOf(documentId: string): Promise<ScheduleRow | null> {
    const pending = (await schedules().findOne({ where: { storyId: documentId, state: 'pending' } })) as ScheduleRow | null;
    return pending ?? ((await schedules().findOne({ where: { storyId: documentId }, orderBy: { id: 'desc' } })) as ScheduleRow | null);
  }

  /** Refuses someone who may not read the story, or may not publish it. */
  async function assertMaySchedule(documentId: string, viewer: Viewer, title: string, doing: string): Promise<void> {
    await assertReadable(strapi, documentId, viewer);
    if (!(await mayPublishStory(strapi, documentId, viewer)))
      throw refusal(`你的角色不能发布这篇稿件，也就不能${doing}稿件《${title}》的定时发布`);
  }

  /** The instant asked for, if it is a real time ahead and not too far ahead. */
  function checkedTime(input: string, title: string): Date {
    const instant = scheduleInstant(input);
    if (!instant) throw badTime(title, `“${input}”不是有效的时间，请按“2026-12-08 07:00”（北京时间）填写`);
    const now = Date.now();
    if (instant.getTime() <= now) throw badTime(title, `${formatChineseDateTime(instant)}已经过去，请选一个将来的时间`);
    const { maxDaysAhead } = pluginConfig(strapi).scheduling;
    if (instant.getTime() > now + maxDaysAhead * DAY_MS) {
      throw badTime(title, `${formatChineseDateTime(instant)}太远：最多可提前 ${maxDaysAhead} 天安排`);
    }
    return instant;
  }

  return {
    /** The story's schedule (pending, else the last), and whether `viewer` may schedule it now. */
    async status(documentId: string, viewer: Viewer): Promise<ScheduleStatus> {
      await assertReadable(strapi, documentId, viewer);
      const [draft, row, mayPublish] = await Promise.all([
        draftOf(documentId),
        latestOf(documentId),
        mayPublishStory(strapi, documentId, viewer),
      ]);
      return { documentId, schedule: row ? scheduleOf(row) : null, maySchedule: mayPublish && draft.reviewStage === 'approved' };
    },

    /**
     * Schedules the story for `input` (Beijing time unless it carries an offset), in place of a
     * pending schedule; with its draft row locked, so an edit racing it either reopened review
     * first (and this is refused) or cancels what this wrote.
     */
    async schedule(documentId: string, input: string, viewer: Viewer): Promise<ScheduleStatus> {
      const { title } = await draftOf(documentId);
      await assertMaySchedule(documentId, viewer, title, '安排');
      const publishAt = checkedTime(input, title);
      const actor: Actor = { id: viewer.user.id, name: nameOf(viewer.user) };
      await strapi.db.transaction(async () => {
        const stage = await reviews().lockedStage(documentId);
        if (stage !== 'approved') {
          throw new errors.ValidationError(`稿件《${title}》尚未通过终审（当前：${stageName(stage)}），不能安排定时发布`);
        }
        const earlier = (await schedules().findOne({ where: { storyId: documentId, state: 'pending' } })) as ScheduleRow | null;
        if (earlier?.claimedAt) throw new errors.ApplicationError(`稿件《${title}》的定时发布正在执行，不能再改时间`);
        if (earlier) {
          await schedules().update({
            where: { id: earlier.id },
            data: { state: 'cancelled', outcome: `改为${formatChineseDateTime(publishAt)}`, finishedAt: new Date() },
          });
        }
        await schedules().create({
          data: { storyId: documentId, publishAt, state: 'pending', scheduledById: actor.id, scheduledByName: actor.name },
        });
        const moved = earlier ? `（原定${formatChineseDateTime(earlier.publishAt)}）` : '';
        await logScheduling(
          strapi,
          documentId,
          'schedule',
          stage,
          actor,
          `定于${formatChineseDateTime(publishAt)}（北京时间）发布${moved}`,
        );
      });
      return this.status(documentId, viewer);
    },

    /** Cancels the story's pending schedule; refused once an instance has taken it to publish. */
    async unschedule(documentId: string, viewer: Viewer): Promise<ScheduleStatus> {
      const { title } = await draftOf(documentId);
      await assertMaySchedule(documentId, viewer, title, '取消');
      await strapi.db.transaction(async () => {
        const stage = await reviews().lockedStage(documentId);
        const actor: Actor = { id: viewer.user.id, name: nameOf(viewer.user) };
        if (await cancelSchedule(strapi, documentId, stage, actor, `${actor.name}取消了定时发布`)) return;
        const running = await schedules().count({ where: { storyId: documentId, state: 'pending' } });
        if (running > 0) throw new errors.ApplicationError(`稿件《${title}》的定时发布正在执行，不能取消`);
        throw new errors.NotFoundError(`稿件《${title}》没有待执行的定时发布`);
      });
      return this.status(documentId, viewer);
    },

    /** The stories waiting for their time that `viewer` may read, soonest first (待我审核 shows them). */
    async pendingFor(viewer: Viewer): Promise<ScheduledStory[]> {
      const rows = (await schedules().findMany({ where: { state: 'pending' }, orderBy: { publishAt: 'asc' } })) as ScheduleRow[];
      const shown: ScheduledStory[] = [];
      for (const row of rows) {
        try {
          await assertReadable(strapi, row.storyId, viewer);
        } catch {
          continue;
        }
        const { title } = await draftOf(row.storyId);
        const { publishAt, scheduledBy } = scheduleOf(row);
        shown.push({ documentId: row.storyId, title, publishAt, scheduledBy });
      }
      return shown;
    },
  };
});
