/**
 * Reads published campaign content and shapes it into the contract's records.
 *
 * Each record type has a source: which rows are public, what to populate, and how a row
 * becomes a record. A page of any size costs one query per populated relation (the query
 * engine batches them), never a query per record.
 */
import type { Core } from '@strapi/strapi';
import { RECORD_SCHEMAS, describeIssues, type RecordType } from '@campaign-desk/shared';
import { UID } from '../../../../common/names';
import { pluginConfig } from '../../config/read';
import { ContractViolation } from '../../errors';
import { defineService } from '../../utils';
import { Shape, ref, type Row } from '../record-shape';
import { SOURCES } from '../record-sources';

export interface ReadOptions {
  /** Only these documents (incremental sync); otherwise every public one. */
  documentIds?: string[];
  /** Keyset paging over row ids (full export). */
  afterId?: number;
  limit?: number;
  /** Drafts rather than what is public: a preview shows the draft as it would be published. */
  draft?: boolean;
}

/** A public record in the contract's shape, not yet checked against it. */
export type ShapedRecord = Record<string, unknown> & { type: RecordType; documentId: string };

export interface ReadResult {
  records: ShapedRecord[];
  /** Highest row id read, for keyset paging. */
  lastId: number | null;
  rowCount: number;
}

export default defineService('record-reader', ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Reads public rows (or drafts) of one type and shapes them, unchecked, into records. */
  async read(type: RecordType, baseUrl: string, options: ReadOptions = {}): Promise<ReadResult> {
    const source = SOURCES[type];
    const uid = UID[type];
    const where: Record<string, unknown> = { ...source.where };
    if (strapi.contentType(uid).options?.draftAndPublish) {
      where.publishedAt = options.draft ? null : { $notNull: true };
    }
    if (options.documentIds) where.documentId = { $in: options.documentIds };
    if (options.afterId) where.id = { $gt: options.afterId };

    const rows = (await strapi.db.query(uid).findMany({
      where,
      populate: source.populate,
      orderBy: { id: 'asc' },
      ...(options.limit ? { limit: options.limit } : {}),
    })) as Row[];

    const prepared = rows.length > 0 && source.prepare ? await source.prepare(rows, strapi) : undefined;
    const shape = new Shape(baseUrl, pluginConfig(strapi).media.embedHosts);
    const visible = source.visible ? rows.filter((row) => source.visible!(row, prepared)) : rows;
    return {
      records: visible.map((row) => ({
        ...(source.toRecord(row, shape, prepared) as { type: RecordType }),
        documentId: row.documentId,
      })),
      lastId: rows.at(-1)?.id ?? null,
      rowCount: rows.length,
    };
  },

  /**
   * The clauses of each of these opinions as they stand now, in the order of the document,
   * shaped as the opinion's record carries them (what its publish stores).
   */
  async clauses(opinionIds: string[]): Promise<Map<string, Array<Record<string, unknown>>>> {
    // Read from the clause's side of the relation: the clause owns the link.
    const rows = (await strapi.db.query(UID.clause).findMany({
      where: { opinion: { documentId: { $in: opinionIds } } },
      populate: { opinion: ref },
      orderBy: [{ order: 'asc' }, { id: 'asc' }],
    })) as Row[];
    const shape = new Shape('');
    const byOpinion = new Map<string, Map<string, Record<string, unknown>>>(opinionIds.map((id) => [id, new Map()]));
    for (const row of rows) {
      // Keyed by documentId: each clause once, whichever version of its opinion it is linked to.
      byOpinion.get(shape.id(row.opinion) ?? '')?.set(row.documentId, {
        documentId: row.documentId,
        label: row.label,
        heading: shape.text(row.heading),
        text: row.text,
        order: row.order,
        sample: Boolean(row.sample),
      });
    }
    return new Map([...byOpinion].map(([id, clauses]) => [id, [...clauses.values()]]));
  },

  /** Checks a shaped record against the contract; throws naming the record and field. */
  check(record: Record<string, unknown> & { type: RecordType }) {
    const result = RECORD_SCHEMAS[record.type].safeParse(record);
    if (!result.success) throw new ContractViolation(describeIssues(record, result.error), result.error);
    return result.data;
  },
}));
