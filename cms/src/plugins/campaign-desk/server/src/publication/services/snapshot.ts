/**
 * The snapshot: all published campaign content in the contract's shape, paged.
 *
 * A full export walks the record types in contract order with keyset paging and remembers
 * the journal position it started from; once it ends, its cursor is that position, and
 * `since` replays the journal from there: re-published records as records, withdrawn ones
 * as tombstones. Replays may repeat a record the full export already carried; applying a
 * page twice is harmless, so nothing is ever missed.
 */
import { z } from 'zod';
import type { Core } from '@strapi/strapi';
import { RECORD_TYPES, type RecordType, type SnapshotPage, type Tombstone } from '@campaign-desk/shared';
import journalService, { type Change } from './journal';
import recordReader, { type ShapedRecord } from './record-reader';
import { defineService, getService } from '../../utils';

/**
 * Journal sequence numbers and row ids are Strapi's `increments` columns, PostgreSQL
 * `integer`s: a larger number cannot name a row, and PostgreSQL would refuse the query.
 */
const ROW_NUMBER_MAX = 2_147_483_647;
const rowNumber = z.number().int().min(0).max(ROW_NUMBER_MAX);

const positionSchema = z.union([
  z.object({ v: z.literal(1), seq: rowNumber, type: z.enum(RECORD_TYPES), afterId: rowNumber }).strict(),
  z.object({ v: z.literal(1), seq: rowNumber }).strict(),
]);
/** Where a sync stands: inside a full export (`type`, `afterId`) or caught up to `seq`. */
export type Position = z.infer<typeof positionSchema>;

/** A cursor this API did not issue, or one whose numbers no row can have. */
export class InvalidCursor extends Error {}

export function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor(cursor: string): Position {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursor('not a cursor this API issued; start again without it');
  }
  const position = positionSchema.safeParse(value);
  if (position.success) return position.data;
  // Each shape of the union reports its own issues; a number out of range is one of them.
  const issues = position.error.issues.flatMap((issue) =>
    issue.code === 'invalid_union' ? issue.unionErrors.flatMap((error) => error.issues) : [issue],
  );
  const outOfRange = issues.find((issue) => issue.code === 'too_big' || issue.code === 'too_small');
  if (outOfRange) throw new InvalidCursor(`${outOfRange.path.join('.')} is out of range (0 to ${ROW_NUMBER_MAX})`);
  throw new InvalidCursor('not a cursor this API issued; start again without it');
}

export default defineService('snapshot', ({ strapi }: { strapi: Core.Strapi }) => {
  const reader = () => getService(strapi, recordReader);
  const journal = () => getService(strapi, journalService);

  async function fullPage(position: Extract<Position, { type: RecordType }>, limit: number, baseUrl: string) {
    const records: ShapedRecord[] = [];
    let typeIndex = RECORD_TYPES.indexOf(position.type);
    let afterId = position.afterId;
    while (records.length < limit && typeIndex < RECORD_TYPES.length) {
      const type = RECORD_TYPES[typeIndex]!;
      const wanted = limit - records.length;
      const batch = await reader().read(type, baseUrl, { afterId, limit: wanted });
      records.push(...batch.records);
      if (batch.rowCount < wanted) {
        typeIndex += 1;
        afterId = 0;
      } else {
        afterId = batch.lastId ?? afterId;
      }
    }
    const done = typeIndex >= RECORD_TYPES.length;
    const next: Position = done ? { v: 1, seq: position.seq } : { v: 1, seq: position.seq, type: RECORD_TYPES[typeIndex]!, afterId };
    return { records, tombstones: [] as Tombstone[], next, hasMore: !done };
  }

  async function changesPage(seq: number, limit: number, baseUrl: string) {
    const changes = await journal().after(seq, limit);
    // The latest change of each record decides what it is now.
    const latest = new Map<string, Change>();
    for (const change of changes) latest.set(`${change.type}:${change.documentId}`, change);

    const wanted = new Map<RecordType, string[]>();
    for (const change of latest.values()) {
      if (change.operation === 'upsert') wanted.set(change.type, [...(wanted.get(change.type) ?? []), change.documentId]);
    }
    const records: ShapedRecord[] = [];
    for (const [type, documentIds] of wanted) {
      records.push(...(await reader().read(type, baseUrl, { documentIds })).records);
    }
    // Anything not public now (withdrawn, or re-published and withdrawn again) is a tombstone.
    const present = new Set(records.map((record) => `${record.type}:${record.documentId}`));
    const tombstones = [...latest.values()]
      .filter((change) => !present.has(`${change.type}:${change.documentId}`))
      .map(({ type, documentId }) => ({ type, documentId }));

    const next: Position = { v: 1, seq: changes.at(-1)?.seq ?? seq };
    return { records, tombstones, next, hasMore: changes.length === limit };
  }

  return {
    /** The position a sync starts from when it has no cursor: a full export at the journal head. */
    async start(): Promise<Position> {
      return { v: 1, seq: await journal().head(), type: RECORD_TYPES[0], afterId: 0 };
    },

    /** One page from `position`; every record is checked against the contract before it leaves. */
    async page(position: Position, limit: number, baseUrl: string): Promise<SnapshotPage> {
      const page = 'type' in position ? await fullPage(position, limit, baseUrl) : await changesPage(position.seq, limit, baseUrl);
      return {
        records: page.records.map((record) => reader().check(record)),
        tombstones: page.tombstones,
        cursor: encodeCursor(page.next),
        hasMore: page.hasMore,
      };
    },
  };
});
