/**
 * The admin API of a story's review (`GET` and `POST /campaign-desk/stories/:documentId/review`):
 * the move it accepts and the status it answers with. The controller parses both with these
 * schemas; the 审稿 panel reads the answer's type from here.
 */
import { REVIEW_STAGES, keysOf } from '@campaign-desk/shared';
import { z } from 'zod';
import type { ReviewAction } from './names';
import { REVIEW_MOVES } from './review-stages';

const reviewActionSchema = z.enum(Object.keys(REVIEW_MOVES) as [ReviewAction, ...ReviewAction[]]);
const reviewStageSchema = z.enum(keysOf(REVIEW_STAGES));

/**
 * `POST`: one step of review, from the stage the reviewer saw: if the story has moved on since
 * (someone else was quicker), the move is refused with a 409 naming the stage it is in now. A
 * comment is required to return a story (the service says so).
 */
export const reviewMoveSchema = z
  .object({
    action: reviewActionSchema,
    stage: reviewStageSchema,
    comment: z.string().max(2000).optional(),
  })
  .strict();

/** 三审 per outlet: the story's outlet and the names of who may make each review of it. */
export const reviewChainSchema = z.object({
  /** The story's 首发媒体, or null if it names none (then only those across outlets review it). */
  outlet: z.string().nullable(),
  first: z.array(z.string()),
  second: z.array(z.string()),
  final: z.array(z.string()),
});

export const reviewStatusSchema = z.object({
  documentId: z.string(),
  stage: reviewStageSchema,
  published: z.boolean(),
  /** The moves the asking user may make now. */
  actions: z.array(reviewActionSchema),
  /** Moves their role allows here but the separation of duties or the review chain withholds from them, and why. */
  held: z.array(z.object({ action: reviewActionSchema, reason: z.string() })),
  /** The story's review chain while chains are per outlet (`review.perOutlet`), else null. */
  chain: reviewChainSchema.nullable(),
  /** Every move so far, oldest first. */
  log: z.array(
    z.object({
      id: z.number().int(),
      /** A move, or what the system did: `import` (approved on import), `edit` (reopened by an edit). */
      action: z.union([reviewActionSchema, z.enum(['import', 'edit'])]),
      fromStage: reviewStageSchema,
      toStage: reviewStageSchema,
      comment: z.string().nullable(),
      actorName: z.string(),
      createdAt: z.string().datetime({ offset: true }),
    }),
  ),
});

export type ReviewMove = z.infer<typeof reviewMoveSchema>;
export type ReviewStatus = z.infer<typeof reviewStatusSchema>;
export type ReviewLogEntry = ReviewStatus['log'][number];
export type ReviewChain = z.infer<typeof reviewChainSchema>;
