import type { UID } from '@strapi/strapi';
import type { RecordType } from '@campaign-desk/shared';

export const PLUGIN_ID = 'campaign-desk';

/** The content type behind each record type of the contract. */
export const RECORD_UIDS = {
  theme: 'plugin::campaign-desk.theme',
  activity: 'plugin::campaign-desk.activity',
  place: 'plugin::campaign-desk.place',
  outlet: 'plugin::campaign-desk.outlet',
  column: 'plugin::campaign-desk.column',
  figure: 'plugin::campaign-desk.figure',
  event: 'plugin::campaign-desk.event',
  opinion: 'plugin::campaign-desk.opinion',
  story: 'plugin::campaign-desk.story',
  goodDeed: 'plugin::campaign-desk.good-deed',
  placement: 'plugin::campaign-desk.placement',
} as const satisfies Record<RecordType, string>;

/** Clauses are published inside their opinion, so they have no record type of their own. */
export const CLAUSE_UID = 'plugin::campaign-desk.clause';
export const CHANGE_UID = 'plugin::campaign-desk.change';
export const REVIEW_ENTRY_UID = 'plugin::campaign-desk.review-entry';

export type RecordUid = (typeof RECORD_UIDS)[RecordType];

const typeByUid = new Map<string, RecordType>(
  Object.entries(RECORD_UIDS).map(([type, uid]) => [uid, type as RecordType]),
);

export function recordTypeOf(uid: UID.ContentType | string): RecordType | undefined {
  return typeByUid.get(uid);
}
