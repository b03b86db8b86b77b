/**
 * Which moves a user may make on a story now: what their role grants from its stage, less
 * what the separation of duties (三审 by three people, none the author) or the outlet's
 * review chain withholds, each with its reason.
 */
import type { Core } from '@strapi/strapi';
import { REVIEW_ACTIONS, SUPER_ADMIN_ROLE, type ReviewAction } from '../../../../common/names';
import type { ReviewStatus } from '../../../../common/review-api';
import { REVIEW_MOVES, isReview, moveScope, type Review } from '../../../../common/review-stages';
import { pluginConfig } from '../../config/read';
import type { AdminUser } from '../../request-context';
import { currentVersion, type LogRow } from './review-log';
import { outsideChain, type LoadedChain } from './review-chains';
import type { Draft } from './story-drafts';

/** Why `user` may not make `review` of this version (separation of duties), or null if they may. */
function dutyConflict(strapi: Core.Strapi, review: Review, user: AdminUser, draft: Draft, log: LogRow[]): string | null {
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
export function movesFor(
  strapi: Core.Strapi,
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
    const reason = outsideChain(chain, action, user) ?? (isReview(action) ? dutyConflict(strapi, action, user, draft, log) : null);
    if (reason) held.push({ action, reason });
    else actions.push(action);
  }
  return { actions, held };
}
