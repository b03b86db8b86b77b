/**
 * The admin API of a story's review (`GET` and `POST /campaign-desk/stories/:documentId/review`):
 * the move it accepts and the status it answers with. The controller parses both with these
 * schemas; the 审稿 panel reads the answer's type from here.
 */
import { REVIEW_STAGES, keysOf } from '@campaign-desk/shared';
import { z } from 'zod';
import { HANDOFF_LOG_ACTIONS, type HandoffLogAction } from './handoff-api';
import type { ReviewAction } from './names';
import { REVIEW_MOVES } from './review-stages';
import { SCHEDULE_LOG_ACTIONS, scheduledStorySchema, type ScheduleLogAction } from './schedule-api';

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
    /** 终审 of a story the word check found words in: what the reviewer checked, in writing (logged). */
    acknowledgement: z.string().max(2000).optional(),
  })
  .strict();

/** Words of the sensitive-word list found in one block of a story (标题, 摘要, 正文第 n 段). */
export const wordHitSchema = z.object({ place: z.string(), words: z.array(z.string()) });

/** 三审 per outlet: the story's outlet and the names of who may make each review of it. */
export const reviewChainSchema = z.object({
  /** The story's 首发媒体, or null if it names none (then only those across outlets review it). */
  outlet: z.string().nullable(),
  first: z.array(z.string()),
  second: z.array(z.string()),
  final: z.array(z.string()),
});

/** One block of a story's text as reviewers read it: where it is (标题, 摘要, 正文第 n 段) and what it says. */
export const textBlockSchema = z.object({ place: z.string(), text: z.string() });

/** A block added, removed or changed since the pass, its text in parts marked added or removed. */
export const textChangeSchema = z.object({
  place: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  parts: z.array(z.object({ text: z.string(), change: z.enum(['added', 'removed']).optional() })),
});

/** What changed since the version last passed, when an edit or a return made a new version after it. */
export const changesSincePassSchema = z.object({
  /** The review that passed it (初审, 复审, 终审), by whom and when. */
  review: z.enum(['first', 'second', 'final']),
  passedBy: z.string(),
  passedAt: z.string().datetime({ offset: true }),
  changes: z.array(textChangeSchema),
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
  /** What changed since the version last passed, if a new version began after it; else null. */
  sincePass: changesSincePassSchema.nullable(),
  /** The word check on the draft now: each block with words of the list, none if clean. */
  wordHits: z.array(wordHitSchema),
  /** Every move so far, oldest first. */
  log: z.array(
    z.object({
      id: z.number().int(),
      /**
       * A move, or what the system did: `import` (approved on import), `edit` (reopened by an
       * edit); or 定时发布's: scheduled, unscheduled, published at its time (or failed to); or a
       * 公众号 hand-off (which form was copied).
       */
      action: z.union([
        reviewActionSchema,
        z.enum(['import', 'edit']),
        z.enum(Object.keys(SCHEDULE_LOG_ACTIONS) as [ScheduleLogAction, ...ScheduleLogAction[]]),
        z.enum(Object.keys(HANDOFF_LOG_ACTIONS) as [HandoffLogAction, ...HandoffLogAction[]]),
      ]),
      fromStage: reviewStageSchema,
      toStage: reviewStageSchema,
      comment: z.string().nullable(),
      /** The word check's hits logged with 送审 or 终审, and 终审's written acknowledgement of them. */
      wordHits: z.array(wordHitSchema).nullable(),
      acknowledgement: z.string().nullable(),
      actorName: z.string(),
      createdAt: z.string().datetime({ offset: true }),
    }),
  ),
});

/** `GET /campaign-desk/review-queue`: 待我审核, the stories waiting for a move the asking user may make. */
export const reviewQueueSchema = z.object({
  stories: z.array(
    z.object({
      documentId: z.string(),
      title: z.string(),
      stage: reviewStageSchema,
      /** The moves waiting for them (a review, or 送审 of their own returned story). */
      actions: z.array(reviewActionSchema),
      updatedAt: z.string().datetime({ offset: true }),
    }),
  ),
  /** Stories the asking user may read that wait for their 定时发布, soonest first. */
  scheduled: z.array(scheduledStorySchema),
});

export type ReviewMove = z.infer<typeof reviewMoveSchema>;
export type ReviewQueue = z.infer<typeof reviewQueueSchema>;
export type ReviewStatus = z.infer<typeof reviewStatusSchema>;
export type ReviewLogEntry = ReviewStatus['log'][number];
export type ReviewChain = z.infer<typeof reviewChainSchema>;
export type TextBlock = z.infer<typeof textBlockSchema>;
export type WordHit = z.infer<typeof wordHitSchema>;
export type TextChange = z.infer<typeof textChangeSchema>;
export type ChangesSincePass = z.infer<typeof changesSincePassSchema>;
