/**
 * 定时发布 through the admin API (`/campaign-desk/stories/:documentId/schedule`): the time a
 * person asks for, and a story's schedule as the 审稿 panel and 待我审核 show it. Times are
 * entered and shown in Beijing time (Asia/Shanghai, UTC+8 all year).
 */
import { keysOf, shanghaiDateTime } from '@campaign-desk/shared';
import { z } from 'zod';

/** `PUT`: when to publish, e.g. `2026-12-08 07:00` (Beijing time) or an instant with its offset. */
export const scheduleRequestSchema = z.object({ publishAt: z.string().max(64) }).strict();

export const SCHEDULE_STATES = [
  { key: 'pending', name: '等待发布' },
  { key: 'published', name: '已按时发布' },
  { key: 'failed', name: '定时发布失败' },
  { key: 'cancelled', name: '已取消' },
] as const;

export type ScheduleState = (typeof SCHEDULE_STATES)[number]['key'];

export const scheduleSchema = z.object({
  publishAt: z.string().datetime({ offset: true }),
  state: z.enum(keysOf(SCHEDULE_STATES)),
  scheduledBy: z.string(),
  /** Why it failed or was cancelled. */
  outcome: z.string().nullable(),
});

/** `GET`: the story's pending schedule, else its last one, and whether the asking user may schedule it. */
export const scheduleStatusSchema = z.object({
  documentId: z.string(),
  schedule: scheduleSchema.nullable(),
  /** They may publish stories, and this one has passed 终审. */
  maySchedule: z.boolean(),
});

/** A story waiting for its time, in 待我审核. */
export const scheduledStorySchema = z.object({
  documentId: z.string(),
  title: z.string(),
  publishAt: z.string().datetime({ offset: true }),
  scheduledBy: z.string(),
});

export type Schedule = z.infer<typeof scheduleSchema>;
export type ScheduleStatus = z.infer<typeof scheduleStatusSchema>;
export type ScheduledStory = z.infer<typeof scheduledStorySchema>;

const WALL_CLOCK = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/**
 * The instant a person means: a wall-clock time is Beijing time, whatever zone the server or
 * the browser runs in; an instant with its offset is taken as it is. Null when it names no
 * real time (not a date, 2月30日, 25:00).
 */
export function scheduleInstant(input: string): Date | null {
  const text = input.trim();
  const wall = WALL_CLOCK.exec(text);
  let iso: string | null = null;
  try {
    if (wall) iso = shanghaiDateTime(wall[1]!, wall[2]!);
    else if (WITH_OFFSET.test(text)) iso = text;
  } catch {
    return null;
  }
  if (iso === null) return null;
  const instant = new Date(iso);
  // Date rolls 2026-02-30T…Z over into March: the written date must survive the round trip.
  if (Number.isNaN(instant.getTime()) || (!wall && !sameCalendarDay(iso, instant))) return null;
  return instant;
}

function sameCalendarDay(iso: string, instant: Date): boolean {
  const offset = /(?:Z|([+-])(\d{2}):(\d{2}))$/i.exec(iso)!;
  const minutes = offset[1] ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
  const local = new Date(instant.getTime() + minutes * 60_000).toISOString();
  return local.slice(0, 16) === iso.slice(0, 16);
}

/** What 定时发布 writes into a story's review log, each under its name there. */
export const SCHEDULE_LOG_ACTIONS = {
  schedule: '安排定时发布',
  unschedule: '取消定时发布',
  'scheduled-publish': '定时发布',
} as const;

export type ScheduleLogAction = keyof typeof SCHEDULE_LOG_ACTIONS;
