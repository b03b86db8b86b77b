/**
 * The review workflow (三审): a story's stage, the moves a user may make, and the log of
 * every move. Stages change only here, by query (never through the Document Service,
 * whose middleware strips stage changes from ordinary edits).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { EXPLORER_ACTIONS, REVIEW_ACTIONS, UID, type ReviewAction } from '../../../common/names';
import type { ReviewLogEntry, ReviewStatus } from '../../../common/review-api';
import { REVIEW_MOVES, stageName, type ReviewStage } from '../../../common/review-stages';
import { getService } from '../utils';
import { nameOf, type Person } from './people';

/** The admin user acting: who moves a story, or edits it. */
export type Reviewer = Person;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const stories = () => strapi.db.query(UID.story);

  async function draftOf(documentId: string) {
    const draft = (await stories().findOne({
      where: { documentId, publishedAt: null },
      select: ['id', 'documentId', 'reviewStage'],
      populate: { createdBy: { select: ['id'] } },
    })) as { id: number; reviewStage: ReviewStage | null; createdBy?: { id: number } | null } | null;
    if (!draft) throw new errors.NotFoundError(`没有找到稿件 ${documentId}`);
    return { ...draft, reviewStage: draft.reviewStage ?? 'draft' };
  }

  const grantedActions = (user: Reviewer) => getService(strapi, 'people').grantedActions(user);

  /** The moves `user` may make on a story in `stage` that `authorId` created. */
  function allowedMoves(granted: Set<string>, stage: ReviewStage, isAuthor: boolean): ReviewAction[] {
    const reviewer = [REVIEW_ACTIONS.first, REVIEW_ACTIONS.second, REVIEW_ACTIONS.final].some((action) => granted.has(action.id));
    return (Object.keys(REVIEW_MOVES) as ReviewAction[]).filter((action) => {
      if (!REVIEW_MOVES[action].from.includes(stage) || !granted.has(REVIEW_ACTIONS[action].id)) return false;
      // A reporter submits their own stories; reviewers may submit anyone's.
      return action !== 'submit' || isAuthor || reviewer;
    });
  }

  async function record(documentId: string, action: ReviewLogEntry['action'], from: ReviewStage, to: ReviewStage, actor: Reviewer | null, comment?: string) {
    await strapi.db.transaction(async () => {
      await stories().updateMany({ where: { documentId }, data: { reviewStage: to } });
      await strapi.db.query(UID.reviewEntry).create({
        data: {
          storyId: documentId,
          action,
          fromStage: from,
          toStage: to,
          comment: comment?.trim() || null,
          actorId: actor?.id ?? null,
          actorName: nameOf(actor),
        },
      });
    });
  }

  return {
    async status(documentId: string, user: Reviewer): Promise<ReviewStatus> {
      const draft = await draftOf(documentId);
      const granted = await grantedActions(user);
      const published = (await stories().count({ where: { documentId, publishedAt: { $notNull: true } } })) > 0;
      const log = (await strapi.db.query(UID.reviewEntry).findMany({
        where: { storyId: documentId },
        orderBy: { id: 'asc' },
      })) as Array<Omit<ReviewLogEntry, 'createdAt'> & { createdAt: string | Date }>;
      return {
        documentId,
        stage: draft.reviewStage,
        published,
        actions: allowedMoves(granted, draft.reviewStage, draft.createdBy?.id === user.id),
        log: log.map(({ id, action, fromStage, toStage, comment, actorName, createdAt }) => ({
          id,
          action,
          fromStage,
          toStage,
          comment,
          actorName,
          createdAt: new Date(createdAt).toISOString(),
        })),
      };
    },

    /** One step of review by `user`; refused with a reason if their role or the stage does not allow it. */
    async move(documentId: string, action: ReviewAction, user: Reviewer, comment?: string): Promise<ReviewStatus> {
      const draft = await draftOf(documentId);
      const move = REVIEW_MOVES[action];
      if (!move.from.includes(draft.reviewStage)) {
        throw new errors.ApplicationError(`稿件当前为“${stageName(draft.reviewStage)}”，不能${move.name}`);
      }
      const granted = await grantedActions(user);
      if (!allowedMoves(granted, draft.reviewStage, draft.createdBy?.id === user.id).includes(action)) {
        throw new errors.ForbiddenError(`你的角色不能对这篇稿件执行“${move.name}”`);
      }
      if (action === 'return' && !comment?.trim()) {
        throw new errors.ValidationError('退回修改时必须写明意见', {
          errors: [{ path: ['comment'], message: '请写明退回意见', name: 'ValidationError' }],
        });
      }
      await record(documentId, action, draft.reviewStage, move.to, user, comment);
      return this.status(documentId, user);
    },

    /** Approves a story nobody reviewed in this system (a trusted import), and says so in its log. */
    async approveAsSystem(documentId: string, comment: string): Promise<void> {
      const draft = await draftOf(documentId);
      if (draft.reviewStage !== 'approved') await record(documentId, 'import', draft.reviewStage, 'approved', null, comment);
    },

    /** An approved story whose content changed goes back for review. */
    async reopenAfterEdit(documentId: string, actor: Reviewer | null): Promise<void> {
      const draft = await draftOf(documentId);
      if (draft.reviewStage === 'approved') {
        await record(documentId, 'edit', 'approved', 'submitted', actor, '终审后内容有修改，重新送审');
      }
    },

    /** Whether `user` may publish stories (and so unpublish or delete a published one). */
    async mayPublish(user: Reviewer): Promise<boolean> {
      const permissions = (await strapi.service('admin::permission').findUserPermissions(user)) as Array<{
        action: string;
        subject: string | null;
      }>;
      return permissions.some(
        (permission) => permission.action === EXPLORER_ACTIONS.publish && permission.subject === UID.story,
      );
    },

    async stageOf(documentId: string): Promise<ReviewStage> {
      return (await draftOf(documentId)).reviewStage;
    },
  };
};
