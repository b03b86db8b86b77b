/** Which record type of the contract a content type holds; the other way is `UID[type]`. */
import { RECORD_TYPES, type RecordType } from '@campaign-desk/shared';
import { UID } from '../../common/names';

const typeByUid = new Map<string, RecordType>(RECORD_TYPES.map((type) => [UID[type], type]));

/** Clauses are published inside their opinion, so they have no record type of their own. */
export function recordTypeOf(uid: string): RecordType | undefined {
  return typeByUid.get(uid);
}
