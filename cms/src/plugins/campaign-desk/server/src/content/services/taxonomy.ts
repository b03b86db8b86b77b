/**
 * Themes, activities and places are fixed by the plan. They are records so editors can
 * pick them, created from the shared taxonomy at start-up; nothing else may add to them.
 */
import type { Core } from '@strapi/strapi';
import { ACTIVITIES, PLACES, THEMES } from '@campaign-desk/shared';
import { UID } from '../../../../common/names';
import { defineService } from '../../utils';

export const TAXONOMY = {
  theme: {
    label: '主题',
    entries: THEMES.map(({ slug, name, phase, startsOn, endsOn }) => ({ slug, name, phase, startsOn, endsOn })),
  },
  activity: { label: '“六大”活动', entries: ACTIVITIES.map(({ slug, name, order }) => ({ slug, name, order })) },
  place: { label: '地区', entries: PLACES.map(({ slug, name, order }) => ({ slug, name, order })) },
} as const;

export type TaxonomyType = keyof typeof TAXONOMY;

export function isTaxonomyType(type: string | undefined): type is TaxonomyType {
  return type !== undefined && type in TAXONOMY;
}

export default defineService('taxonomy', ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Creates whatever taxonomy record is missing; never touches an existing one. */
  async sync(): Promise<number> {
    let created = 0;
    for (const [type, { entries }] of Object.entries(TAXONOMY) as Array<[TaxonomyType, (typeof TAXONOMY)[TaxonomyType]]>) {
      const uid = UID[type];
      const existing = (await strapi.db.query(uid).findMany({ select: ['slug'] })) as Array<{ slug: string }>;
      const present = new Set(existing.map((row) => row.slug));
      for (const entry of entries.filter((candidate) => !present.has(candidate.slug))) {
        await strapi.documents(uid).create({ data: entry as never });
        created += 1;
      }
    }
    return created;
  },
}));
