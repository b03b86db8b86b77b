/**
 * The clauses of a published opinion (《意见》) are public as they stood when the opinion was
 * last published: a clause edit changes the opinion's draft only, and reaches the public when
 * someone allowed to publish the opinion publishes it again. Each publish stores the clauses
 * on the published version (`publishedClauses`), which the record reader reads.
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../../../../common/names';
import { defineService, getService } from '../../utils';
import recordReader from './record-reader';

export default defineService('published-clauses', ({ strapi }: { strapi: Core.Strapi }) => {
  const opinions = () => strapi.db.query(UID.opinion);

  async function store(opinionIds: string[]): Promise<void> {
    const clauses = await getService(strapi, recordReader).clauses(opinionIds);
    for (const [documentId, list] of clauses) {
      await opinions().updateMany({ where: { documentId, publishedAt: { $notNull: true } }, data: { publishedClauses: list } });
    }
  }

  return {
    /** Stores an opinion's clauses as they stand now on its published version: part of publishing it. */
    freeze(opinionId: string): Promise<void> {
      return store([opinionId]);
    },

    /**
     * Marks the draft of each opinion as changed (the admin shows it as modified, to be
     * published again) when one of its clauses was created, edited or deleted.
     */
    async touchDrafts(opinionIds: string[]): Promise<void> {
      if (opinionIds.length === 0) return;
      await opinions().updateMany({ where: { documentId: { $in: opinionIds }, publishedAt: null }, data: { updatedAt: new Date() } });
    },

    /**
     * Published opinions from before clauses were stored at publish time have none stored:
     * they get the clauses as they stand, once, at start-up, so the public keeps seeing them.
     */
    async backfill(): Promise<number> {
      const rows = (await opinions().findMany({
        select: ['documentId'],
        where: { publishedAt: { $notNull: true }, publishedClauses: { $null: true } },
      })) as Array<{ documentId: string }>;
      if (rows.length > 0) await store(rows.map((row) => row.documentId));
      return rows.length;
    },
  };
});
