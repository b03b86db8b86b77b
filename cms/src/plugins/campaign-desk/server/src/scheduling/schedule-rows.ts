/**
 * The rows of 定时发布 and their lines in the story's review log, written by query. The review
 * service cancels a schedule through here when a story leaves 终审通过, so this module imports
 * no service: the scheduling service, which uses the review service, stays the only way in.
 */
import type { ReviewStage } from '@campaign-desk/shared';
import type { Core } from '@strapi/strapi';
import { UID } from '../../../common/names';
import type { ScheduleLogAction } from '../../../common/schedule-api';

/** Who acts on a schedule, as the log keeps them (a plain id and name). */
export interface Actor {
  id: number | null;
  name: string;
}

/** A line of 定时发布 in the story's review log; the stage is where the story stands. */
export async function logScheduling(
  strapi: Core.Strapi,
  storyId: string,
  action: ScheduleLogAction,
  stage: ReviewStage,
  actor: Actor,
  comment: string,
): Promise<void> {
  await strapi.db.query(UID.reviewEntry).create({
    data: { storyId, action, fromStage: stage, toStage: stage, comment, actorId: actor.id, actorName: actor.name },
  });
}

/**
 * Cancels the story's pending 定时发布 unless an instance has already taken it to publish (the
 * publish then meets the story as it is now), and logs why. In the caller's transaction.
 */
export async function cancelSchedule(
  strapi: Core.Strapi,
  storyId: string,
  stage: ReviewStage,
  actor: Actor,
  reason: string,
): Promise<boolean> {
  const { count } = (await strapi.db.query(UID.schedule).updateMany({
    where: { storyId, state: 'pending', claimedAt: null },
    data: { state: 'cancelled', outcome: reason, finishedAt: new Date() },
  })) as { count: number };
  if (count > 0) await logScheduling(strapi, storyId, 'unschedule', stage, actor, reason);
  return count > 0;
}
