/**
 * The review log: every move of a story, read whole or for the current version, and written
 * together with the stage it moves the story to.
 */
import type { ReviewStage } from '@campaign-desk/shared';
import type { Core } from '@strapi/strapi';
import { UID } from '../../../../common/names';
import type { ReviewLogEntry, TextBlock, WordHit } from '../../../../common/review-api';
import { NEW_VERSION_ACTIONS, isReview } from '../../../../common/review-stages';
import { nameOf } from '../../newsroom/services/people';
import type { AdminUser } from '../../request-context';
import { getService } from '../../utils';
import { cancelSchedule } from '../../scheduling/schedule-rows';
import reviewChanges from './review-changes';

export type LogRow = Omit<ReviewLogEntry, 'createdAt' | 'wordHits' | 'acknowledgement'> & {
  actorId: number | null;
  createdAt: string | Date;
  passedText?: TextBlock[] | null;
  wordHits?: WordHit[] | null;
  acknowledgement?: string | null;
};

/** The entries of the story's current version: those after the last return or reopening edit. */
export function currentVersion(log: LogRow[]): LogRow[] {
  const start = log.findLastIndex((entry) => NEW_VERSION_ACTIONS.has(entry.action));
  return log.slice(start + 1);
}

/** The story's log, oldest first. */
export async function logOf(strapi: Core.Strapi, documentId: string): Promise<LogRow[]> {
  return (await strapi.db.query(UID.reviewEntry).findMany({ where: { storyId: documentId }, orderBy: { id: 'asc' } })) as LogRow[];
}

/** The logs of several stories in one query, each oldest first. */
export async function logsOf(strapi: Core.Strapi, documentIds: string[]): Promise<Map<string, LogRow[]>> {
  const logs = new Map<string, LogRow[]>();
  const entries = (await strapi.db.query(UID.reviewEntry).findMany({
    where: { storyId: { $in: documentIds } },
    orderBy: { id: 'asc' },
  })) as Array<LogRow & { storyId: string }>;
  for (const entry of entries) logs.set(entry.storyId, [...(logs.get(entry.storyId) ?? []), entry]);
  return logs;
}

/** Moves the story and logs the move; inside the caller's transaction, or one of its own. */
export async function recordMove(
  strapi: Core.Strapi,
  documentId: string,
  action: ReviewLogEntry['action'],
  from: ReviewStage,
  to: ReviewStage,
  actor: AdminUser | null,
  comment?: string,
  checked: { wordHits?: WordHit[]; acknowledgement?: string } = {},
) {
  await strapi.db.transaction(async () => {
    await strapi.db.query(UID.story).updateMany({ where: { documentId }, data: { reviewStage: to } });
    await strapi.db.query(UID.reviewEntry).create({
      data: {
        storyId: documentId,
        action,
        fromStage: from,
        toStage: to,
        comment: comment?.trim() || null,
        actorId: actor?.id ?? null,
        actorName: nameOf(actor),
        // The text this review passed, for the next version to be compared with.
        ...(isReview(action) ? { passedText: await getService(strapi, reviewChanges).textOf(documentId) } : {}),
        wordHits: checked.wordHits ?? null,
        acknowledgement: checked.acknowledgement?.trim() || null,
      },
    });
    // No longer cleared to go out: its 定时发布 goes with the approval (an edit or a return).
    if (from === 'approved' && to !== 'approved') {
      const reason = action === 'edit' ? '终审后内容有修改，定时发布已取消' : '稿件被退回修改，定时发布已取消';
      await cancelSchedule(strapi, documentId, to, { id: actor?.id ?? null, name: nameOf(actor) }, reason);
    }
  });
}
