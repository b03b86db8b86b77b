/** The fields every published record is made of: ids, slugs, times, links, images and the 示例 marks. */
import { z } from 'zod';
import { SLUG_PATTERN } from '../slug';

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

export const ids = z.array(documentIdSchema);

/**
 * How many pixels an image's original may have: a 100-megapixel camera's fits, and four decoded
 * at once stay near 1.5 GB. The CMS refuses an upload over it; the publisher decodes none over it.
 */
export const MEDIA_MAX_PIXELS = 120_000_000;

export const imageSchema = z.object({
  url: httpUrlSchema,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  mime: z.string().min(1),
  alt: z.string(),
  caption: z.string().nullable(),
  credit: z.string().nullable(),
});

export const tracked = {
  documentId: documentIdSchema,
  updatedAt: instantSchema,
};
/** Records under Draft & Publish carry the time of their current published version. */
export const published = { ...tracked, publishedAt: instantSchema };

/**
 * Invented content, never to pass for fact: the site marks it “示例”, and feeds and coverage
 * leave it out unless the site is built as a preview.
 */
export const sample = z.boolean();
/** The record is real but its date is a placeholder (the plan gives none): marked “示例” beside the date. */
export const sampleDate = z.boolean();

export type Image = z.infer<typeof imageSchema>;
