/** Slugs: generated in pinyin from the title when left empty, unique, frozen once public. */
import type { Core } from '@strapi/strapi';
import { pinyinSlug, withSuffix, type RecordType } from '@campaign-desk/shared';
import { UID } from '../../../../common/names';
import { defineService } from '../../utils';

/** The field each slugged record type derives its slug from. */
export const SLUG_SOURCES: Partial<Record<RecordType, string>> = {
  story: 'title',
  column: 'name',
  outlet: 'name',
  figure: 'name',
  opinion: 'title',
  event: 'title',
  live: 'title',
  quiz: 'title',
  lectureTopic: 'title',
};

export default defineService('slugs', ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The first free slug for `text` among other documents of the type. */
  async generate(type: RecordType, text: string, documentId?: string): Promise<string> {
    const base = pinyinSlug(text) || type.toLowerCase();
    const taken = (await strapi.db.query(UID[type]).findMany({
      select: ['slug', 'documentId'],
      where: { $or: [{ slug: base }, { slug: { $startsWith: `${base.slice(0, 70)}` } }] },
    })) as Array<{ slug: string; documentId: string }>;
    const used = new Set(taken.filter((row) => row.documentId !== documentId).map((row) => row.slug));
    let slug = base;
    for (let n = 2; used.has(slug); n += 1) slug = withSuffix(base, n);
    return slug;
  },

  async current(type: RecordType, documentId: string): Promise<string | null> {
    const row = (await strapi.db.query(UID[type]).findOne({ select: ['slug'], where: { documentId } })) as { slug?: string | null } | null;
    return row?.slug ?? null;
  },
}));
