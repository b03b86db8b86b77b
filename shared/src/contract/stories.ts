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
  mediaUrl: '媒体链接（mediaUrl）或上传音视频文件（mediaFile）',
  clauseIds: '所解读的《意见》条款（clauses）',
} as const;

/**
 * A story's own audio or video file from the media library, as the page plays it and feeds
 * enclose it: its size in bytes, its length as the newsroom gave it, its WebVTT captions.
 */
export const storyMediaSchema = z.object({
  url: httpUrlSchema,
  mime: z.string().regex(/^(audio|video)\/[\w.+-]+$/, '只接受音频或视频文件'),
  bytes: z.number().int().positive(),
  seconds: z.number().int().min(1).max(86_400).nullable(),
  captionsUrl: httpUrlSchema.refine((url) => /\.vtt$/i.test(new URL(url).pathname), '字幕文件应为 WebVTT（.vtt）').nullable(),
});

/** The kinds whose file must be of one medium: an audio story plays audio, a video or 动新闻 plays video. */
const MEDIUM_OF_KIND: Partial<Record<string, 'audio' | 'video'>> = { audio: 'audio', video: 'video', motion: 'video' };

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
    media: storyMediaSchema.nullable().default(null),
    /**
     * Where the page frames `mediaUrl`: set by the CMS only when the link is on a platform of
     * the newsroom's allow-list (the plugin's `media.embedHosts`), and https.
     */
    embedUrl: httpUrlSchema
      .refine((url) => url.startsWith('https://'), '只嵌入 https 页面')
      .nullable()
      .default(null),
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
      // A file of the media library stands for a link.
      const value = field === 'mediaUrl' ? (story.mediaUrl ?? story.media) : story[field];
      if (value === null || (Array.isArray(value) && value.length === 0)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [field],
          message: `${nameOf(STORY_KINDS, story.kind)}类稿件必须填写${FIELD_LABELS[field]}`,
        });
      }
    }
    const medium = MEDIUM_OF_KIND[story.kind];
    if (story.media && medium && !story.media.mime.startsWith(`${medium}/`)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['media'],
        message: `${nameOf(STORY_KINDS, story.kind)}类稿件的音视频文件应为${medium === 'audio' ? '音频' : '视频'}`,
      });
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
export type StoryMedia = z.infer<typeof storyMediaSchema>;
export type Placement = z.infer<typeof placementSchema>;
