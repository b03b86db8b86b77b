/**
 * 三审: the review stages a story passes before it may be published, and the moves
 * between them. Every story is reviewed before it goes out (正确舆论导向).
 */
import { REVIEW_STAGES, nameOf, type ReviewStage } from '@campaign-desk/shared';
import type { ReviewAction } from './names';

/** One step at a time: where each action may start and where it leads. */
export const REVIEW_MOVES: Record<ReviewAction, { name: string; from: readonly ReviewStage[]; to: ReviewStage }> = {
  submit: { name: '送审', from: ['draft', 'returned'], to: 'submitted' },
  first: { name: '初审通过', from: ['submitted'], to: 'first_passed' },
  second: { name: '复审通过', from: ['first_passed'], to: 'second_passed' },
  final: { name: '终审通过', from: ['second_passed'], to: 'approved' },
  return: { name: '退回修改', from: ['submitted', 'first_passed', 'second_passed', 'approved'], to: 'returned' },
};

/** The three reviews themselves (三审: 初审, 复审, 终审), as against submitting and returning. */
export const REVIEWS = ['first', 'second', 'final'] as const satisfies readonly ReviewAction[];

export type Review = (typeof REVIEWS)[number];

/** Log actions after which a story is a new version, reviewed afresh: a return, or an edit after a pass. */
export const NEW_VERSION_ACTIONS: ReadonlySet<string> = new Set(['return', 'edit']);

/**
 * The moves a per-outlet review chain governs (server/src/review/services/review-chains.ts): the three reviews,
 * and returning a story; 送审 is the author's, whatever the outlet.
 */
export const CHAINED_MOVES: readonly ReviewAction[] = [...REVIEWS, 'return'];

export function isReview(action: string): action is Review {
  return (REVIEWS as readonly string[]).includes(action);
}

/**
 * Which stories a holder of review actions may make `action` on: 送审 only their own if they
 * review nothing (a reporter submits their own stories; reviewers submit anyone's), every
 * other move they hold on any story.
 */
export function moveScope(action: ReviewAction, holds: (action: ReviewAction) => boolean): 'any' | 'own' | 'none' {
  if (!holds(action)) return 'none';
  return action === 'submit' && !REVIEWS.some(holds) ? 'own' : 'any';
}

export const stageName = (stage: string): string => nameOf(REVIEW_STAGES, stage);
