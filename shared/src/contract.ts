/**
 * The contract: one zod definition of every record the plugin's snapshot API publishes
 * and the site consumes (each group of records in a file of `contract/`). Types are inferred
 * from these schemas and never written twice.
 *
 * Relations travel as documentIds; the site resolves them against the records it holds
 * and ignores ids it does not hold (a relation to something withdrawn since).
 */
import { z } from 'zod';
import { documentIdSchema } from './contract/fields';
import { eventSchema, opinionSchema } from './contract/opinion';
import { figureSchema, goodDeedSchema, suggestionSchema } from './contract/people';
import { activitySchema, columnSchema, outletSchema, placeSchema, themeSchema } from './contract/plan';
import { placementSchema, storySchema } from './contract/stories';
import { liveEntrySchema, liveSchema } from './contract/live';
import { quizSchema } from './contract/quiz';
import { lectureTopicSchema } from './contract/lectures';

export {
  calendarDateSchema,
  documentIdSchema,
  httpUrlSchema,
  imageSchema,
  MEDIA_MAX_PIXELS,
  instantSchema,
  slugSchema,
  type Image,
} from './contract/fields';
export * from './contract/opinion';
export * from './contract/people';
export * from './contract/plan';
export * from './contract/stories';
export * from './contract/live';
export * from './contract/quiz';
export * from './contract/lectures';

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
  'quiz',
  'lectureTopic',
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
  quiz: quizSchema,
  lectureTopic: lectureTopicSchema,
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

export type Tombstone = z.infer<typeof tombstoneSchema>;
export type SnapshotPage = z.infer<typeof snapshotPageSchema>;

/** “story abc123, field cover.width: …” — how every contract failure is reported. */
export function describeIssues(record: { type?: unknown; documentId?: unknown }, error: z.ZodError): string {
  const who = `${String(record.type ?? 'record')} ${String(record.documentId ?? '(no documentId)')}`;
  return error.issues.map((issue) => `${who}, field ${issue.path.join('.') || '(record)'}: ${issue.message}`).join('; ');
}
