/**
 * The shape of a seed file. References between records are by slug (stories refer to a
 * clause as "opinion-slug#order"), so a file is readable and diffable by people; the seed
 * service resolves them and reports any dangling reference with the record and field.
 * Closed vocabularies are written in the newsroom's words (“视频”, “中央”) and stored as keys.
 */
import { z } from 'zod';
import {
  ACTIVITIES,
  EVENT_KINDS,
  LECTURE_AUDIENCES,
  LECTURE_GROUPS,
  OUTLET_LEVELS,
  OUTLET_MEDIA,
  PLACEMENT_SOURCES,
  PLACEMENT_STATES,
  PLACES,
  STORY_KINDS,
  SUGGESTION_TOPICS,
  THEMES,
  calendarDateSchema,
  httpUrlSchema,
  instantSchema,
  slugSchema,
} from '@campaign-desk/shared';

/** A vocabulary term by its Chinese name (or its key), read as its key. */
function term<V extends ReadonlyArray<{ readonly key: string; readonly name: string }>>(vocabulary: V) {
  const allowed = vocabulary.flatMap((entry) => [entry.name, entry.key]) as [string, ...string[]];
  return z
    .enum(allowed)
    .transform((value) => vocabulary.find((entry) => entry.name === value || entry.key === value)!.key as V[number]['key']);
}

const text = z.string().trim().min(1);
const optionalText = text.optional();
const themeSlug = z.enum(THEMES.map((theme) => theme.slug) as [string, ...string[]]);
const activitySlug = z.enum(ACTIVITIES.map((activity) => activity.slug) as [string, ...string[]]);
const placeSlug = z.enum(PLACES.map((place) => place.slug) as [string, ...string[]]);
/** Paragraphs of plain text; the seed turns them into blocks. */
const paragraphs = z.array(text).min(1);
const clauseRef = z.string().regex(/^[a-z0-9-]+#\d+$/, 'clause references look like "opinion-slug#order"');

export const seedOutletSchema = z.object({
  slug: slugSchema,
  name: text,
  shortName: optionalText,
  level: term(OUTLET_LEVELS),
  medium: term(OUTLET_MEDIA),
  homepage: httpUrlSchema.optional(),
  runsCampaignColumn: z.boolean().default(false),
  /** On the target list of 全覆盖; central and provincial outlets are unless the file says otherwise. */
  countsTowardCoverage: z.boolean().optional(),
  sample: z.boolean(),
});

export const seedColumnSchema = z.object({
  slug: slugSchema,
  name: text,
  description: optionalText,
  outlets: z.array(slugSchema).default([]),
  order: z.number().int().default(0),
  active: z.boolean().default(true),
});

export const seedFigureSchema = z.object({
  slug: slugSchema,
  name: text,
  role: optionalText,
  unit: optionalText,
  place: placeSlug.optional(),
  summary: text,
  biography: paragraphs,
  qualities: z.array(text).default([]),
  sample: z.boolean(),
});

export const seedEventSchema = z.object({
  slug: slugSchema,
  kind: term(EVENT_KINDS),
  title: text,
  startsAt: instantSchema,
  endsAt: instantSchema.optional(),
  sampleDate: z.boolean().default(false),
  venue: optionalText,
  place: placeSlug.optional(),
  theme: themeSlug.optional(),
  lectureGroup: term(LECTURE_GROUPS).optional(),
  audiences: z.array(term(LECTURE_AUDIENCES)).default([]),
  speakers: z.array(text).default([]),
  summary: optionalText,
  sample: z.boolean(),
});

export const seedClauseSchema = z.object({
  order: z.number().int().min(1),
  label: text,
  heading: optionalText,
  text: text,
  sample: z.boolean(),
});

export const seedOpinionSchema = z.object({
  slug: slugSchema,
  title: text,
  shortTitle: optionalText,
  summary: optionalText,
  adoptedOn: calendarDateSchema.optional(),
  sampleDate: z.boolean().default(false),
  adoptedAt: slugSchema.optional(),
  clauses: z.array(seedClauseSchema).min(1),
  sample: z.boolean(),
});

export const seedStorySchema = z.object({
  slug: slugSchema,
  title: text,
  subtitle: optionalText,
  date: instantSchema,
  summary: optionalText,
  body: paragraphs,
  kind: term(STORY_KINDS),
  mediaUrl: httpUrlSchema.optional(),
  outlet: slugSchema.optional(),
  print: z.object({ outlet: slugSchema, date: calendarDateSchema, page: text }).optional(),
  bylines: z.array(text).default([]),
  columns: z.array(slugSchema).default([]),
  theme: themeSlug.optional(),
  activities: z.array(activitySlug).default([]),
  places: z.array(placeSlug).default([]),
  figures: z.array(slugSchema).default([]),
  clauses: z.array(clauseRef).default([]),
  event: slugSchema.optional(),
  featured: z.boolean().default(false),
  sample: z.boolean(),
});

export const seedGoodDeedSchema = z.object({
  title: text,
  doer: text,
  unit: optionalText,
  date: calendarDateSchema,
  place: placeSlug.optional(),
  description: text,
  figure: slugSchema.optional(),
  /** Reported by a reader (群众报告) rather than by the newsroom. */
  reportedByPublic: z.boolean().default(false),
  sample: z.boolean(),
});

/** An adopted suggestion (建言献策) with the newsroom's reply. */
export const seedSuggestionSchema = z.object({
  topic: term(SUGGESTION_TOPICS),
  text: text.pipe(z.string().max(2000)),
  name: optionalText,
  reply: text.pipe(z.string().max(2000)),
  receivedOn: calendarDateSchema,
  repliedOn: calendarDateSchema,
  sample: z.boolean(),
});

export const seedPlacementSchema = z.object({
  story: slugSchema,
  outlet: slugSchema,
  state: term(PLACEMENT_STATES).default('carried'),
  pitchedOn: calendarDateSchema.optional(),
  contact: optionalText,
  date: calendarDateSchema.optional(),
  url: httpUrlSchema.optional(),
  slot: optionalText,
  note: optionalText,
  source: term(PLACEMENT_SOURCES).default('newsroom'),
  sample: z.boolean(),
});

/** 知识竞答: a quiz and its questions, each on a clause of an opinion ("opinion-slug#order"). */
export const seedQuizSchema = z.object({
  slug: slugSchema,
  title: text,
  intro: optionalText,
  opensAt: instantSchema,
  closesAt: instantSchema,
  questions: z
    .array(
      z.object({
        text,
        kind: z.enum(['single', 'multiple']),
        options: z.array(text).min(2).max(6),
        /** The right options' letters, e.g. "B" or "A,C". */
        answer: z.string().regex(/^[A-F](,[A-F])*$/),
        explanation: text,
        clause: clauseRef,
      }),
    )
    .min(1),
  sample: z.boolean(),
});

/** 宣讲菜单: a topic a lecture group offers (its group and audiences by their Chinese names, as events'). */
export const seedLectureTopicSchema = z.object({
  slug: slugSchema,
  title: text,
  summary: text,
  group: term(LECTURE_GROUPS),
  speakers: z.array(text).default([]),
  audiences: z.array(term(LECTURE_AUDIENCES)).default([]),
  minutes: z.number().int().min(10).max(480).optional(),
  sample: z.boolean(),
});

export const datasetSchema = z.object({
  outlets: z.array(seedOutletSchema).default([]),
  columns: z.array(seedColumnSchema).default([]),
  figures: z.array(seedFigureSchema).default([]),
  events: z.array(seedEventSchema).default([]),
  opinions: z.array(seedOpinionSchema).default([]),
  stories: z.array(seedStorySchema).default([]),
  goodDeeds: z.array(seedGoodDeedSchema).default([]),
  placements: z.array(seedPlacementSchema).default([]),
  suggestions: z.array(seedSuggestionSchema).default([]),
  quizzes: z.array(seedQuizSchema).default([]),
  lectureTopics: z.array(seedLectureTopicSchema).default([]),
});

export type Dataset = z.infer<typeof datasetSchema>;
export type DatasetInput = z.input<typeof datasetSchema>;
