/**
 * The review workflow (三审): a story's stage, the moves a user may make, and the log of
 * every move. Stages change only here, by query (never through the Document Service,
 * whose middleware strips stage changes from ordinary edits).
 *
 * Three rules hold whoever asks:
 * - the log is shown only to those who may read the story, under the same conditions;
 * - 初审, 复审 and 终审 of one version are made by different people, none of them the author
 *   (configurable per review); a return or an edit after approval starts a new version;
 * - a move applies only from the stage the reviewer saw, checked with the story's draft row
 *   locked, so of two moves fired at once exactly one applies;
 * - with chains per outlet, each review only by the story's outlet's chain (review-chains.ts).
 *
 * The draft and who may read it are in story-drafts.ts, the log in review-log.ts, who may
 * make which move in review-moves.ts; this service composes them.
 */
import type { ReviewStage } from '@campaign-desk/shared';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID, type ReviewAction } from '../../../../common/names';
import type { ReviewMove, ReviewQueue, ReviewStatus } from '../../../../common/review-api';
import { REVIEW_MOVES, stageName } from '../../../../common/review-stages';
import { StageConflict, refusal } from '../../errors';
import people from '../../newsroom/services/people';
import type { AdminUser } from '../../request-context';
import { defineService, getService } from '../../utils';
import reviewChains, { type LoadedChain } from './review-chains';
import reviewChanges from './review-changes';
import { logOf, logsOf, recordMove } from './review-log';
import { movesFor } from './review-moves';
import { assertReadable, draftOf, mayPublishStory, readChecker, viewerOf, type Draft, type Viewer } from './story-drafts';
import wordCheck, { describeHits } from './word-check';

export type { Viewer } from './story-drafts';

/** The stages an edit sends back to 已送审, with what the log says of it. */
const REOPENED_BY_EDIT: Partial<Record<ReviewStage, string>> = {
  first_passed: '初审后内容有修改，重新送审',
  second_passed: '复审后内容有修改，重新送审',
  approved: '终审后内容有修改，重新送审',
};

/** The stages a story waits in for someone's move: a review, or its author's 送审 after a return. */
const WAITING_STAGES: ReviewStage[] = ['submitted', 'first_passed', 'second_passed', 'returned'];

/** A story in someone's 待我审核, and the moves waiting for them. */
export type Waiting = ReviewQueue['stories'][number];

export default defineService('review', ({ strapi }: { strapi: Core.Strapi }) => {
  const stories = () => strapi.db.query(UID.story);

  /**
   * The word check of a move: at 送审 and 终审 the hits are logged with it; 终审 of a story with
   * hits needs a written acknowledgement, which is logged too.
   */
  async function checkWords(documentId: string, action: ReviewAction, acknowledgement?: string) {
    if (action !== 'submit' && action !== 'final') return {};
    const wordHits = await getService(strapi, wordCheck).hitsOf(documentId);
    if (wordHits.length === 0) return {};
    if (action === 'final' && !acknowledgement?.trim()) {
      throw new errors.ValidationError(`稿件含敏感词（${describeHits(wordHits)}），终审通过须写明核实说明`, {
        errors: [{ path: ['acknowledgement'], message: '请写明对敏感词的核实说明', name: 'ValidationError' }],
      });
    }
    return { wordHits, acknowledgement: action === 'final' ? acknowledgement : undefined };
  }

  const grantedActions = (user: AdminUser) => getService(strapi, people).grantedActions(user);
  const chainOf = (draft: Draft) => getService(strapi, reviewChains).forOutlet(draft.outletId);

  return {
    /** Stage, log and the moves `viewer` may make; only for someone who may read the story. */
    async status(documentId: string, viewer: Viewer): Promise<ReviewStatus> {
      await assertReadable(strapi, documentId, viewer);
      const [draft, log, granted] = await Promise.all([
        draftOf(strapi, documentId),
        logOf(strapi, documentId),
        grantedActions(viewer.user),
      ]);
      const published = (await stories().count({ where: { documentId, publishedAt: { $notNull: true } } })) > 0;
      const [chain, sincePass, wordHits] = await Promise.all([
        chainOf(draft),
        getService(strapi, reviewChanges).sincePass(documentId, log),
        getService(strapi, wordCheck).hitsOf(documentId),
      ]);
      return {
        documentId,
        stage: draft.reviewStage,
        published,
        ...movesFor(strapi, viewer.user, granted, draft, log, chain),
        chain: chain?.view ?? null,
        sincePass,
        wordHits,
        log: log.map(({ id, action, fromStage, toStage, comment, wordHits: hits, acknowledgement, actorName, createdAt }) => ({
          id,
          action,
          fromStage,
          toStage,
          comment,
          wordHits: hits ?? null,
          acknowledgement: acknowledgement ?? null,
          actorName,
          createdAt: new Date(createdAt).toISOString(),
        })),
      };
    },

    /**
     * One step of review by `viewer`, from the stage they saw; refused with the reason if the
     * story has moved on (StageConflict), or their role, the stage or the separation of duties
     * does not allow it.
     */
    async move(documentId: string, { action, stage: seen, comment, acknowledgement }: ReviewMove, viewer: Viewer): Promise<ReviewStatus> {
      await assertReadable(strapi, documentId, viewer);
      const move = REVIEW_MOVES[action];
      await strapi.db.transaction(async () => {
        const draft = await draftOf(strapi, documentId, { lock: true });
        if (draft.reviewStage !== seen) {
          throw new StageConflict(
            `稿件已由他人处理，当前为“${stageName(draft.reviewStage)}”，不再是你看到的“${stageName(seen)}”；请刷新后再操作`,
            draft.reviewStage,
          );
        }
        if (!move.from.includes(draft.reviewStage)) {
          throw new errors.ApplicationError(`稿件当前为“${stageName(draft.reviewStage)}”，不能${move.name}`);
        }
        const { actions, held } = movesFor(
          strapi,
          viewer.user,
          await grantedActions(viewer.user),
          draft,
          await logOf(strapi, documentId),
          await chainOf(draft),
        );
        const withheld = held.find((entry) => entry.action === action);
        if (withheld) throw refusal(withheld.reason);
        if (!actions.includes(action)) throw refusal(`你的角色不能对这篇稿件执行“${move.name}”`);
        if (action === 'return' && !comment?.trim()) {
          throw new errors.ValidationError('退回修改时必须写明意见', {
            errors: [{ path: ['comment'], message: '请写明退回意见', name: 'ValidationError' }],
          });
        }
        await recordMove(
          strapi,
          documentId,
          action,
          draft.reviewStage,
          move.to,
          viewer.user,
          comment,
          await checkWords(documentId, action, acknowledgement),
        );
      });
      return this.status(documentId, viewer);
    },

    /**
     * 待我审核: the stories waiting for a move `viewer` may make — a review (separation of duties
     * and chains applied), or 送审 of their own returned story — that they may read; oldest
     * first, as they queued. With `documentIds`, only among those.
     */
    async waitingFor(viewer: Viewer, documentIds?: string[]): Promise<Waiting[]> {
      const rows = (await stories().findMany({
        where: { publishedAt: null, reviewStage: { $in: WAITING_STAGES }, ...(documentIds ? { documentId: { $in: documentIds } } : {}) },
        select: ['id', 'documentId', 'title', 'reviewStage', 'updatedAt'],
        populate: { createdBy: { select: ['id'], populate: { roles: { select: ['id', 'code'] } } }, outlet: { select: ['documentId'] } },
        orderBy: { updatedAt: 'asc' },
      })) as Array<{
        id: number;
        documentId: string;
        title: string;
        reviewStage: ReviewStage;
        updatedAt: string | Date;
        createdBy?: { id: number } | null;
        outlet?: { documentId: string } | null;
      }>;
      if (rows.length === 0) return [];
      const checker = readChecker(strapi, viewer);
      const granted = await grantedActions(viewer.user);
      const logs = await logsOf(
        strapi,
        rows.map((row) => row.documentId),
      );
      const chains = new Map<string | null, Promise<LoadedChain | null>>();
      const waiting: Waiting[] = [];
      for (const row of rows) {
        if (checker.cannot.read(row)) continue;
        const draft: Draft = {
          id: row.id,
          reviewStage: row.reviewStage,
          authorId: row.createdBy?.id ?? null,
          outletId: row.outlet?.documentId ?? null,
        };
        if (!chains.has(draft.outletId)) chains.set(draft.outletId, chainOf(draft));
        const actions = movesFor(
          strapi,
          viewer.user,
          granted,
          draft,
          logs.get(row.documentId) ?? [],
          await chains.get(draft.outletId)!,
        ).actions.filter((action) => (action === 'submit' ? draft.authorId === viewer.user.id : action !== 'return'));
        if (actions.length > 0) {
          waiting.push({
            documentId: row.documentId,
            title: row.title,
            stage: row.reviewStage,
            actions,
            updatedAt: new Date(row.updatedAt).toISOString(),
          });
        }
      }
      return waiting;
    },

    /** Approves a story nobody reviewed in this system (a trusted import), and says so in its log. */
    async approveAsSystem(documentId: string, comment: string): Promise<void> {
      await strapi.db.transaction(async () => {
        const draft = await draftOf(strapi, documentId, { lock: true });
        if (draft.reviewStage !== 'approved') await recordMove(strapi, documentId, 'import', draft.reviewStage, 'approved', null, comment);
      });
    },

    /**
     * A story whose content changed after someone passed it goes back for review (已送审): a
     * new version, so every reviewer sees the text they pass, and 初审, 复审 and 终审 are
     * counted afresh. Before anyone passed it (草稿, 已送审, 退回修改) an edit changes nothing.
     * Inside the edit's transaction.
     */
    async reopenAfterEdit(documentId: string, actor: AdminUser | null): Promise<void> {
      const draft = await draftOf(strapi, documentId, { lock: true });
      const passed = REOPENED_BY_EDIT[draft.reviewStage];
      if (passed) await recordMove(strapi, documentId, 'edit', draft.reviewStage, 'submitted', actor, passed);
    },

    /**
     * Whether `user` may publish this story (and so unpublish it, delete it once published, or
     * schedule it): their publish permission for it, conditions included, as Strapi's engine
     * reads it from their roles now.
     */
    async mayPublish(user: AdminUser, documentId: string): Promise<boolean> {
      return mayPublishStory(strapi, documentId, await viewerOf(strapi, user));
    },

    /**
     * The story's stage, its draft row locked until the caller's transaction ends: what a
     * publish checks, so an edit cannot slip in between the check and the copy it publishes.
     */
    async lockedStage(documentId: string): Promise<ReviewStage> {
      return (await draftOf(strapi, documentId, { lock: true })).reviewStage;
    },
  };
});
