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
 */
import type { ReviewStage } from '@campaign-desk/shared';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { EXPLORER_ACTIONS, REVIEW_ACTIONS, SUPER_ADMIN_ROLE, UID, type ReviewAction } from '../../../../common/names';
import type { ReviewLogEntry, ReviewMove, ReviewQueue, ReviewStatus, TextBlock, WordHit } from '../../../../common/review-api';
import { NEW_VERSION_ACTIONS, REVIEW_MOVES, isReview, moveScope, stageName, type Review } from '../../../../common/review-stages';
import { pluginConfig } from '../../config/read';
import { StageConflict, refusal } from '../../errors';
import { defineService, getService } from '../../utils';
import people, { nameOf } from '../../newsroom/services/people';
import type { AdminUser } from '../../request-context';
import reviewChains, { outsideChain, type LoadedChain } from './review-chains';
import reviewChanges from './review-changes';
import { cancelSchedule } from '../../scheduling/schedule-rows';
import wordCheck, { describeHits } from './word-check';

/** Who asks through the admin API: the user, and what their roles let them do (the request's CASL ability). */
export interface Viewer {
  user: AdminUser;
  ability: unknown;
}

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

type LogRow = Omit<ReviewLogEntry, 'createdAt' | 'wordHits' | 'acknowledgement'> & {
  actorId: number | null;
  createdAt: string | Date;
  passedText?: TextBlock[] | null;
  wordHits?: WordHit[] | null;
  acknowledgement?: string | null;
};

interface Draft {
  id: number;
  reviewStage: ReviewStage;
  authorId: number | null;
  /** The story's 首发媒体 (documentId): whose review chain it goes through. */
  outletId: string | null;
}

/** The entries of the story's current version: those after the last return or reopening edit. */
function currentVersion(log: LogRow[]): LogRow[] {
  const start = log.findLastIndex((entry) => NEW_VERSION_ACTIONS.has(entry.action));
  return log.slice(start + 1);
}

export default defineService('review', ({ strapi }: { strapi: Core.Strapi }) => {
  const stories = () => strapi.db.query(UID.story);

  /**
   * The story's draft: stage and author. With `lock`, inside a transaction, its row stays
   * locked until that transaction ends, so moves, publishes and edits of one story queue up
   * (PostgreSQL; SQLite has a single writer, so a transaction is alone anyway).
   */
  async function draftOf(documentId: string, { lock = false } = {}): Promise<Draft> {
    if (lock && strapi.db.dialect.client !== 'sqlite') {
      await strapi.db.transaction(({ trx }: { trx: unknown }) =>
        strapi.db
          .queryBuilder(UID.story)
          .select(['id'])
          .where({ documentId, publishedAt: null })
          .transacting(trx)
          .getKnexQuery()
          .forUpdate(),
      );
    }
    const draft = (await stories().findOne({
      where: { documentId, publishedAt: null },
      select: ['id', 'reviewStage'],
      populate: { createdBy: { select: ['id'] }, outlet: { select: ['documentId'] } },
    })) as {
      id: number;
      reviewStage: ReviewStage | null;
      createdBy?: { id: number } | null;
      outlet?: { documentId: string } | null;
    } | null;
    if (!draft) throw new errors.NotFoundError(`没有找到稿件 ${documentId}`);
    return {
      id: draft.id,
      reviewStage: draft.reviewStage ?? 'draft',
      authorId: draft.createdBy?.id ?? null,
      outletId: draft.outlet?.documentId ?? null,
    };
  }

  /** Whether the viewer may read a story row (its creator and their roles populated), as the content manager decides. */
  const readChecker = (viewer: Viewer) =>
    strapi.plugin('content-manager').service('permission-checker').create({ userAbility: viewer.ability, model: UID.story }) as {
      cannot: { read(entity: unknown): boolean };
    };

  /** Refuses a viewer who may not read the story (as the content manager would, conditions included). */
  async function assertReadable(documentId: string, viewer: Viewer): Promise<void> {
    // The creator and their roles are what Strapi's conditions (is-creator, has-same-role-as-creator) look at.
    const draft = await stories().findOne({
      where: { documentId, publishedAt: null },
      populate: { createdBy: { select: ['id'], populate: { roles: { select: ['id', 'code'] } } } },
    });
    if (!draft) throw new errors.NotFoundError(`没有找到稿件 ${documentId}`);
    if (readChecker(viewer).cannot.read(draft)) {
      throw refusal(`你不能查看稿件 ${documentId}，也就不能查看或办理它的审稿`);
    }
  }

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

  async function logOf(documentId: string): Promise<LogRow[]> {
    return (await strapi.db.query(UID.reviewEntry).findMany({ where: { storyId: documentId }, orderBy: { id: 'asc' } })) as LogRow[];
  }

  /** Why `user` may not make `review` of this version (separation of duties), or null if they may. */
  function dutyConflict(review: Review, user: AdminUser, draft: Draft, log: LogRow[]): string | null {
    const { separateDuties, superAdminExempt } = pluginConfig(strapi).review;
    if (!separateDuties[review]) return null;
    if (superAdminExempt && user.roles?.some((role) => role.code === SUPER_ADMIN_ROLE)) return null;
    const name = REVIEW_ACTIONS[review].displayName;
    if (draft.authorId === user.id) return `你是这篇稿件的作者，不能${name}自己的稿件`;
    const earlier = currentVersion(log).find((entry) => isReview(entry.action) && entry.actorId === user.id);
    if (earlier) {
      return `同一版本的初审、复审和终审须由不同的人完成：这一版的${REVIEW_ACTIONS[earlier.action as Review].displayName}是你做的，${name}请交给其他人`;
    }
    return null;
  }

  /** The moves `user` may make on the story now, and those their role allows but the separation of duties or the chain withholds. */
  function movesFor(
    user: AdminUser,
    granted: Set<string>,
    draft: Draft,
    log: LogRow[],
    chain: LoadedChain | null,
  ): Pick<ReviewStatus, 'actions' | 'held'> {
    const actions: ReviewAction[] = [];
    const held: ReviewStatus['held'] = [];
    for (const action of Object.keys(REVIEW_MOVES) as ReviewAction[]) {
      if (!REVIEW_MOVES[action].from.includes(draft.reviewStage)) continue;
      const scope = moveScope(action, (candidate) => granted.has(REVIEW_ACTIONS[candidate].id));
      if (scope === 'none' || (scope === 'own' && draft.authorId !== user.id)) continue;
      const reason = outsideChain(chain, action, user) ?? (isReview(action) ? dutyConflict(action, user, draft, log) : null);
      if (reason) held.push({ action, reason });
      else actions.push(action);
    }
    return { actions, held };
  }

  /** Moves the story and logs the move; inside the caller's transaction, or one of its own. */
  async function record(
    documentId: string,
    action: ReviewLogEntry['action'],
    from: ReviewStage,
    to: ReviewStage,
    actor: AdminUser | null,
    comment?: string,
    checked: { wordHits?: WordHit[]; acknowledgement?: string } = {},
  ) {
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

  return {
    assertReadable,

    /** Stage, log and the moves `viewer` may make; only for someone who may read the story. */
    async status(documentId: string, viewer: Viewer): Promise<ReviewStatus> {
      await assertReadable(documentId, viewer);
      const [draft, log, granted] = await Promise.all([draftOf(documentId), logOf(documentId), grantedActions(viewer.user)]);
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
        ...movesFor(viewer.user, granted, draft, log, chain),
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
      await assertReadable(documentId, viewer);
      const move = REVIEW_MOVES[action];
      await strapi.db.transaction(async () => {
        const draft = await draftOf(documentId, { lock: true });
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
          viewer.user,
          await grantedActions(viewer.user),
          draft,
          await logOf(documentId),
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
        await record(
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
      const checker = readChecker(viewer);
      const granted = await grantedActions(viewer.user);
      const logs = new Map<string, LogRow[]>();
      const entries = (await strapi.db.query(UID.reviewEntry).findMany({
        where: { storyId: { $in: rows.map((row) => row.documentId) } },
        orderBy: { id: 'asc' },
      })) as Array<LogRow & { storyId: string }>;
      for (const entry of entries) logs.set(entry.storyId, [...(logs.get(entry.storyId) ?? []), entry]);
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
        const draft = await draftOf(documentId, { lock: true });
        if (draft.reviewStage !== 'approved') await record(documentId, 'import', draft.reviewStage, 'approved', null, comment);
      });
    },

    /**
     * A story whose content changed after someone passed it goes back for review (已送审): a
     * new version, so every reviewer sees the text they pass, and 初审, 复审 and 终审 are
     * counted afresh. Before anyone passed it (草稿, 已送审, 退回修改) an edit changes nothing.
     * Inside the edit's transaction.
     */
    async reopenAfterEdit(documentId: string, actor: AdminUser | null): Promise<void> {
      const draft = await draftOf(documentId, { lock: true });
      const passed = REOPENED_BY_EDIT[draft.reviewStage];
      if (passed) await record(documentId, 'edit', draft.reviewStage, 'submitted', actor, passed);
    },

    /** Whether `user` may publish stories (and so unpublish or delete a published one). */
    async mayPublish(user: AdminUser): Promise<boolean> {
      const permissions = (await strapi.service('admin::permission').findUserPermissions(user)) as Array<{
        action: string;
        subject: string | null;
      }>;
      return permissions.some((permission) => permission.action === EXPLORER_ACTIONS.publish && permission.subject === UID.story);
    },

    /**
     * The story's stage, its draft row locked until the caller's transaction ends: what a
     * publish checks, so an edit cannot slip in between the check and the copy it publishes.
     */
    async lockedStage(documentId: string): Promise<ReviewStage> {
      return (await draftOf(documentId, { lock: true })).reviewStage;
    },
  };
});
