/** Stories, and the placements that record where other outlets carried them. */
import { z } from 'zod';
import { blocksSchema } from '../blocks';
import { STORY_KINDS, keysOf, nameOf, requirementsOf } from '../taxonomy';
import {
  calendarDateSchema,
  documentIdSchema,
  httpUrlSchema,
  ids,
  imageSchema,
  instantSchema,
  published,
  sample,
  slugSchema,
  tracked,
} from './fields';

export const printEditionSchema = z.object({
  outletId: documentIdSchema,
  date: calendarDateSchema,
  page: z.string().min(1),
});

/** How a kind's required field is named when it is missing. */
const FIELD_LABELS = {
  mediaUrl: '媒体链接（mediaUrl）',
  clauseIds: '所解读的《意见》条款（clauses）',
} as const;

export const storySchema = z
  .object({
    type: z.literal('story'),
    ...published,
    title: z.string().min(1).max(200),
    subtitle: z.string().nullable(),
    slug: slugSchema,
    /** The story's news date (what readers see); set to the first publish time if left empty. */
    date: instantSchema,
    summary: z.string().nullable(),
    body: blocksSchema,
    kind: z.enum(keysOf(STORY_KINDS)),
    cover: imageSchema.nullable(),
    mediaUrl: httpUrlSchema.nullable(),
    outletId: documentIdSchema.nullable(),
    printEdition: printEditionSchema.nullable(),
    bylines: z.array(z.string().min(1)),
    columnIds: ids,
    themeId: documentIdSchema.nullable(),
    activityIds: ids,
    placeIds: ids,
    figureIds: ids,
    clauseIds: ids,
    eventId: documentIdSchema.nullable(),
    /** 重点报道: editors' pick, syndicated in a feed of its own. */
    featured: z.boolean(),
    sample,
  })
  .superRefine((story, ctx) => {
    for (const field of requirementsOf(story.kind)) {
      const value = story[field];
      if (value === null || (Array.isArray(value) && value.length === 0)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [field],
          message: `${nameOf(STORY_KINDS, story.kind)}类稿件必须填写${FIELD_LABELS[field]}`,
        });
      }
    }
  });

/** A story carried by another outlet, as verified by an editor: only verified placements are published. */
export const placementSchema = z.object({
  type: z.literal('placement'),
  ...tracked,
  storyId: documentIdSchema,
  outletId: documentIdSchema,
  date: calendarDateSchema,
  url: httpUrlSchema.nullable(),
  /** Page for print (“第3版”), programme slot for broadcast. */
  slot: z.string().nullable(),
  // Not its note: that stays in the newsroom (a partner's words, internal remarks).
  sample,
});

export type PrintEdition = z.infer<typeof printEditionSchema>;
export type Story = z.infer<typeof storySchema>;
export type Placement = z.infer<typeof placementSchema>;
