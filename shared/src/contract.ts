/**
 * The contract: one zod definition of every record the plugin's snapshot API publishes
 * and the site consumes. Types are inferred from these schemas and never written twice.
 *
 * Relations travel as documentIds; the site resolves them against the records it holds
 * and ignores ids it does not hold (a relation to something withdrawn since).
 */
import { z } from 'zod';
import { blocksSchema } from './blocks';
import { SLUG_PATTERN } from './slug';
import {
  EVENT_KINDS,
  LECTURE_AUDIENCES,
  LIVE_ENTRY_KINDS,
  LIVE_STATES,
  LECTURE_GROUPS,
  OUTLET_LEVELS,
  OUTLET_MEDIA,
  STORY_KINDS,
  SUGGESTION_TOPICS,
  keysOf,
  nameOf,
  requirementsOf,
} from './taxonomy';

export const documentIdSchema = z.string().min(1).max(64);
export const slugSchema = z.string().max(80).regex(SLUG_PATTERN, '只能包含小写字母、数字和连字符');
/** An instant with its offset, e.g. 2020-05-20T15:00:00+08:00 or …Z. */
export const instantSchema = z.string().datetime({ offset: true });
/** A calendar date in Asia/Shanghai. */
export const calendarDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const httpUrlSchema = z
  .string()
  .url()
  .refine((url) => /^https?:\/\//i.test(url), '只接受 http(s) 链接');

const ids = z.array(documentIdSchema);

export const imageSchema = z.object({
  url: httpUrlSchema,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  mime: z.string().min(1),
  alt: z.string(),
  caption: z.string().nullable(),
  credit: z.string().nullable(),
});

const tracked = {
  documentId: documentIdSchema,
  updatedAt: instantSchema,
};
/** Records under Draft & Publish carry the time of their current published version. */
const published = { ...tracked, publishedAt: instantSchema };

/**
 * Invented content, never to pass for fact: the site marks it “示例”, and feeds and coverage
 * leave it out unless the site is built as a preview.
 */
const sample = z.boolean();
/** The record is real but its date is a placeholder (the plan gives none): marked “示例” beside the date. */
const sampleDate = z.boolean();

export const themeSchema = z.object({
  type: z.literal('theme'),
  ...tracked,
  slug: slugSchema,
  name: z.string().min(1),
  phase: z.number().int().min(1),
  startsOn: calendarDateSchema,
  endsOn: calendarDateSchema,
  description: z.string().nullable(),
});

export const activitySchema = z.object({
  type: z.literal('activity'),
  ...tracked,
  slug: slugSchema,
  name: z.string().min(1),
  order: z.number().int(),
  description: z.string().nullable(),
});

export const placeSchema = z.object({
  type: z.literal('place'),
  ...tracked,
  slug: slugSchema,
  name: z.string().min(1),
  order: z.number().int(),
});

export const outletSchema = z.object({
  type: z.literal('outlet'),
  ...tracked,
  slug: slugSchema,
  name: z.string().min(1),
  shortName: z.string().nullable(),
  level: z.enum(keysOf(OUTLET_LEVELS)),
  medium: z.enum(keysOf(OUTLET_MEDIA)),
  homepage: httpUrlSchema.nullable(),
  runsCampaignColumn: z.boolean(),
  sample,
});

export const columnSchema = z.object({
  type: z.literal('column'),
  ...published,
  slug: slugSchema,
  name: z.string().min(1),
  description: z.string().nullable(),
  outletIds: ids,
  cover: imageSchema.nullable(),
  order: z.number().int(),
  active: z.boolean(),
});

export const printEditionSchema = z.object({
  outletId: documentIdSchema,
  date: calendarDateSchema,
  page: z.string().min(1),
});

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

export const figureSchema = z.object({
  type: z.literal('figure'),
  ...published,
  slug: slugSchema,
  name: z.string().min(1),
  portrait: imageSchema.nullable(),
  role: z.string().nullable(),
  unit: z.string().nullable(),
  placeId: documentIdSchema.nullable(),
  summary: z.string().min(1),
  biography: blocksSchema,
  qualities: z.array(z.string().min(1)),
  sample,
});

export const goodDeedSchema = z.object({
  type: z.literal('goodDeed'),
  ...published,
  title: z.string().min(1),
  doer: z.string().min(1),
  unit: z.string().nullable(),
  date: calendarDateSchema,
  placeId: documentIdSchema.nullable(),
  description: z.string().min(1),
  photo: imageSchema.nullable(),
  figureId: documentIdSchema.nullable(),
  /** Reported by a reader through the site's form and accepted by the newsroom, not written by it. */
  reportedByPublic: z.boolean(),
  sample,
});

/** A reader's suggestion (建言献策) the newsroom adopted, with its reply (回复). Never any contact. */
export const suggestionSchema = z.object({
  type: z.literal('suggestion'),
  ...published,
  topic: z.enum(keysOf(SUGGESTION_TOPICS)),
  text: z.string().min(1).max(2000),
  /** The name the reader chose to show; null shows them as 热心读者. */
  name: z.string().min(1).max(30).nullable(),
  reply: z.string().min(1).max(2000),
  /** When the reader sent it and when the newsroom replied (Asia/Shanghai dates). */
  receivedOn: calendarDateSchema,
  repliedOn: calendarDateSchema,
  sample,
});

export const clauseSchema = z.object({
  documentId: documentIdSchema,
  /** The number as printed, e.g. “一、” or “（三）”. */
  label: z.string().min(1),
  heading: z.string().nullable(),
  text: z.string().min(1),
  order: z.number().int(),
  sample,
});

export const opinionSchema = z.object({
  type: z.literal('opinion'),
  ...published,
  slug: slugSchema,
  title: z.string().min(1),
  shortTitle: z.string().nullable(),
  summary: z.string().nullable(),
  adoptedOn: calendarDateSchema.nullable(),
  /** `adoptedOn` is a placeholder. */
  sampleDate,
  adoptedAtEventId: documentIdSchema.nullable(),
  /** Ordered by `order`; a clause keeps its documentId however the text is revised. */
  clauses: z.array(clauseSchema),
  sample,
});

export const eventSchema = z.object({
  type: z.literal('event'),
  ...published,
  slug: slugSchema,
  kind: z.enum(keysOf(EVENT_KINDS)),
  title: z.string().min(1),
  startsAt: instantSchema,
  endsAt: instantSchema.nullable(),
  /** `startsAt` and `endsAt` are placeholders (“具体日期以通知为准”). */
  sampleDate,
  venue: z.string().nullable(),
  placeId: documentIdSchema.nullable(),
  themeId: documentIdSchema.nullable(),
  lectureGroup: z.enum(keysOf(LECTURE_GROUPS)).nullable(),
  audiences: z.array(z.enum(keysOf(LECTURE_AUDIENCES))),
  speakers: z.array(z.string().min(1)),
  summary: z.string().nullable(),
  sample,
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

/** 图文直播: live text coverage of an event; its entries are records of their own. */
export const liveSchema = z.object({
  type: z.literal('live'),
  ...published,
  slug: slugSchema,
  title: z.string().min(1).max(200),
  eventId: documentIdSchema.nullable(),
  state: z.enum(keysOf(LIVE_STATES)),
  summary: z.string().nullable(),
  sample,
});

/** What an entry of each kind must have beside its text. */
export const LIVE_ENTRY_NEEDS: Record<string, 'photo' | 'videoUrl' | 'speaker' | undefined> = {
  entry_photo: 'photo',
  entry_video: 'videoUrl',
  entry_quote: 'speaker',
};
const LIVE_ENTRY_FIELD_LABELS = { photo: '图片', videoUrl: '视频链接', speaker: '发言人' } as const;

/** One entry of a live, public once a 值班编辑 approved it (only approved entries are published). */
export const liveEntrySchema = z
  .object({
    type: z.literal('liveEntry'),
    ...tracked,
    liveId: documentIdSchema,
    kind: z.enum(keysOf(LIVE_ENTRY_KINDS)),
    text: z.string().min(1).max(2000),
    photo: imageSchema.nullable(),
    videoUrl: httpUrlSchema.nullable(),
    /** Who is quoted (引语). */
    speaker: z.string().min(1).max(100).nullable(),
    pinned: z.boolean(),
    /** A correction of what was said before, shown as 更正. */
    correction: z.boolean(),
    /** When it was approved: the time readers see, and the order of the page. */
    postedAt: instantSchema,
  })
  .superRefine((entry, ctx) => {
    const field = LIVE_ENTRY_NEEDS[entry.kind];
    if (field && entry[field] === null) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: [field],
        message: `${nameOf(LIVE_ENTRY_KINDS, entry.kind)}条目必须填写${LIVE_ENTRY_FIELD_LABELS[field]}（${field}）`,
      });
    }
  });

/** Every record type, in the order a full snapshot exports them (referenced before referring). */
export const RECORD_TYPES = [
  'theme',
  'activity',
  'place',
  'outlet',
  'column',
  'figure',
  'event',
  'opinion',
  'story',
  'goodDeed',
  'placement',
  'suggestion',
  'live',
  'liveEntry',
] as const;
export const recordTypeSchema = z.enum(RECORD_TYPES);

export const RECORD_SCHEMAS = {
  theme: themeSchema,
  activity: activitySchema,
  place: placeSchema,
  outlet: outletSchema,
  column: columnSchema,
  figure: figureSchema,
  event: eventSchema,
  opinion: opinionSchema,
  story: storySchema,
  goodDeed: goodDeedSchema,
  placement: placementSchema,
  suggestion: suggestionSchema,
  live: liveSchema,
  liveEntry: liveEntrySchema,
} as const satisfies Record<(typeof RECORD_TYPES)[number], z.ZodTypeAny>;

export type RecordType = z.infer<typeof recordTypeSchema>;
export type CampaignRecord = { [T in RecordType]: z.infer<(typeof RECORD_SCHEMAS)[T]> }[RecordType];

/**
 * Any record, checked by the schema its `type` names, so a failure speaks of that
 * record's own fields rather than of every alternative of a union.
 */
export const recordSchema: z.ZodType<CampaignRecord, z.ZodTypeDef, unknown> = z
  .object({ type: recordTypeSchema })
  .passthrough()
  .transform((value, ctx) => {
    const result = RECORD_SCHEMAS[value.type].safeParse(value);
    if (result.success) return result.data as CampaignRecord;
    for (const issue of result.error.issues) ctx.addIssue(issue);
    return z.NEVER;
  });

export const tombstoneSchema = z.object({
  type: recordTypeSchema,
  documentId: documentIdSchema,
});

export const snapshotPageSchema = z.object({
  records: z.array(recordSchema),
  /** Records withdrawn (unpublished or deleted) since the `since` cursor. */
  tombstones: z.array(tombstoneSchema),
  /** Opaque. Pass it as `cursor` for the next page, or keep it and pass it as `since` later. */
  cursor: z.string().min(1),
  hasMore: z.boolean(),
});

const FIELD_LABELS = {
  mediaUrl: '媒体链接（mediaUrl）',
  clauseIds: '所解读的《意见》条款（clauses）',
} as const;

export type Image = z.infer<typeof imageSchema>;
export type Theme = z.infer<typeof themeSchema>;
export type Activity = z.infer<typeof activitySchema>;
export type Place = z.infer<typeof placeSchema>;
export type Outlet = z.infer<typeof outletSchema>;
export type Column = z.infer<typeof columnSchema>;
export type PrintEdition = z.infer<typeof printEditionSchema>;
export type Story = z.infer<typeof storySchema>;
export type Figure = z.infer<typeof figureSchema>;
export type GoodDeed = z.infer<typeof goodDeedSchema>;
export type Clause = z.infer<typeof clauseSchema>;
export type Opinion = z.infer<typeof opinionSchema>;
export type CampaignEvent = z.infer<typeof eventSchema>;
export type Placement = z.infer<typeof placementSchema>;
export type Suggestion = z.infer<typeof suggestionSchema>;
export type Live = z.infer<typeof liveSchema>;
export type LiveEntry = z.infer<typeof liveEntrySchema>;
export type Tombstone = z.infer<typeof tombstoneSchema>;
export type SnapshotPage = z.infer<typeof snapshotPageSchema>;

/** “story abc123, field cover.width: …” — how every contract failure is reported. */
export function describeIssues(record: { type?: unknown; documentId?: unknown }, error: z.ZodError): string {
  const who = `${String(record.type ?? 'record')} ${String(record.documentId ?? '(no documentId)')}`;
  return error.issues.map((issue) => `${who}, field ${issue.path.join('.') || '(record)'}: ${issue.message}`).join('; ');
}
