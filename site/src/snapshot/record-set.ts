/**
 * The campaign's records as the site holds them: every published record of the snapshot,
 * with the cursor it was synced to. Each record carries a digest of its content, so a page
 * that shows a record can tell whether that record changed without comparing it whole.
 */
import { createHash } from 'node:crypto';
import { RECORD_TYPES, type CampaignRecord, type RecordType, type SnapshotPage } from '@campaign-desk/shared';

type RecordOf<T extends RecordType> = Extract<CampaignRecord, { type: T }>;

/** A record by what names it, whether it is held or was deleted. */
export type RecordKey = { type: RecordType; documentId: string };

/** Content digests of the records held, by object identity (records are never mutated). */
const digests = new WeakMap<object, string>();

/** The digest of a record held by any RecordSet, or undefined for anything else. */
export function digestOf(value: object): string | undefined {
  return digests.get(value);
}

export class RecordSet {
  private readonly byType = new Map<RecordType, Map<string, CampaignRecord>>(RECORD_TYPES.map((type) => [type, new Map()]));
  /** The sync point of the snapshot these records are, or null before the first sync. */
  cursor: string | null = null;

  /**
   * Applies snapshot pages: a full export replaces everything, changes upsert records and
   * delete tombstoned ones. Pages are checked by the contract before they get here.
   * Answers the records the pages named (upserted or deleted), by type and documentId.
   */
  apply(pages: SnapshotPage[], full: boolean): RecordKey[] {
    if (full) for (const records of this.byType.values()) records.clear();
    const named: RecordKey[] = [];
    for (const page of pages) {
      for (const tombstone of page.tombstones) {
        this.byType.get(tombstone.type)!.delete(tombstone.documentId);
        named.push({ type: tombstone.type, documentId: tombstone.documentId });
      }
      for (const record of page.records) {
        digests.set(record, createHash('sha1').update(JSON.stringify(record)).digest('base64url'));
        this.byType.get(record.type)!.set(record.documentId, record);
        named.push({ type: record.type, documentId: record.documentId });
      }
    }
    const last = pages.at(-1);
    if (last) this.cursor = last.cursor;
    return named;
  }

  /** A copy holding `record` in place of its published version (a preview of its draft); this set is left as it is. */
  withRecord(record: CampaignRecord): RecordSet {
    const copy = new RecordSet();
    for (const [type, records] of this.byType) copy.byType.set(type, new Map(records));
    copy.apply([{ records: [record], tombstones: [], cursor: this.cursor ?? '' } as unknown as SnapshotPage], false);
    copy.cursor = this.cursor;
    return copy;
  }

  has(type: RecordType, documentId: string): boolean {
    return this.byType.get(type)!.has(documentId);
  }

  all<T extends RecordType>(type: T): Array<RecordOf<T>> {
    return [...this.byType.get(type)!.values()] as Array<RecordOf<T>>;
  }

  get size(): number {
    let size = 0;
    for (const records of this.byType.values()) size += records.size;
    return size;
  }
}
