/**
 * 三审: the review stages a story passes before it may be published, and the moves
 * between them. Every story is reviewed before it goes out (正确舆论导向).
 */
import type { ReviewAction } from './names';

export const REVIEW_STAGES = [
  { key: 'draft', name: '草稿' },
  { key: 'submitted', name: '已送审' },
  { key: 'first_passed', name: '初审通过' },
  { key: 'second_passed', name: '复审通过' },
  { key: 'approved', name: '终审通过' },
  { key: 'returned', name: '退回修改' },
] as const;

export type ReviewStage = (typeof REVIEW_STAGES)[number]['key'];

/** One step at a time: where each action may start and where it leads. */
export const REVIEW_MOVES: Record<ReviewAction, { name: string; from: readonly ReviewStage[]; to: ReviewStage }> = {
  submit: { name: '送审', from: ['draft', 'returned'], to: 'submitted' },
  first: { name: '初审通过', from: ['submitted'], to: 'first_passed' },
  second: { name: '复审通过', from: ['first_passed'], to: 'second_passed' },
  final: { name: '终审通过', from: ['second_passed'], to: 'approved' },
  return: { name: '退回修改', from: ['submitted', 'first_passed', 'second_passed', 'approved'], to: 'returned' },
};

export function stageName(stage: string): string {
  return REVIEW_STAGES.find((entry) => entry.key === stage)?.name ?? stage;
}
