/**
 * The change journal: an append-only sequence of “this record was (re)published” and
 * “this record was withdrawn” entries, written in the same transaction as the change.
 * Its row id is the sequence number that snapshot cursors point into.
 */
import type { Core } from '@strapi/strapi';
import type { RecordType } from '@campaign-desk/shared';
import { UID } from '../../../../common/names';
import { defineService } from '../../utils';

export type Operation = 'upsert' | 'withdraw';

export interface Change {
  seq: number;
  type: RecordType;
  documentId: string;
  operation: Operation;
}

/** Serialises journal writers on PostgreSQL so sequence order is commit order. */
const PG_JOURNAL_LOCK = 0x6364_6a6c; // "cdjl"

export default defineService('journal', ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Joins the transaction of the change it records (or opens one of its own). */
  async record(type: RecordType, documentId: string, operation: Operation): Promise<void> {
    await strapi.db.transaction(async ({ trx }) => {
      if (strapi.db.dialect.client === 'postgres') {
        await trx.raw('select pg_advisory_xact_lock(?)', [PG_JOURNAL_LOCK]);
      }
      await strapi.db.query(UID.change).create({ data: { recordType: type, recordId: documentId, operation } });
    });
  },

  async head(): Promise<number> {
    const [latest] = (await strapi.db.query(UID.change).findMany({
      select: ['id'],
      orderBy: { id: 'desc' },
      limit: 1,
    })) as Array<{ id: number }>;
    return latest?.id ?? 0;
  },

  async after(seq: number, limit: number): Promise<Change[]> {
    const rows = (await strapi.db.query(UID.change).findMany({
      where: { id: { $gt: seq } },
      orderBy: { id: 'asc' },
      limit,
    })) as Array<{ id: number; recordType: RecordType; recordId: string; operation: Operation }>;
    return rows.map((row) => ({
      seq: row.id,
      type: row.recordType,
      documentId: row.recordId,
      operation: row.operation,
    }));
  },

  /** Whether the public was last told the record exists (its latest entry is an upsert). */
  async isPublic(type: RecordType, documentId: string): Promise<boolean> {
    const [latest] = (await strapi.db.query(UID.change).findMany({
      select: ['operation'],
      where: { recordType: type, recordId: documentId },
      orderBy: { id: 'desc' },
      limit: 1,
    })) as Array<{ operation: Operation }>;
    return latest?.operation === 'upsert';
  },

  async hasBeenPublished(type: RecordType, documentId: string): Promise<boolean> {
    const count = await strapi.db.query(UID.change).count({ where: { recordType: type, recordId: documentId, operation: 'upsert' } });
    return count > 0;
  },
}));
