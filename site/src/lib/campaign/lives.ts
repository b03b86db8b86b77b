/**
 * 图文直播: the lives and their approved entries, newest first. An entry of a live the site does
 * not hold (withdrawn since) is left out, as any relation to a record not held.
 */
import type { Live, LiveEntry } from '@campaign-desk/shared';
import type { RecordSet } from '../../snapshot/record-set';

const newestFirst = (a: LiveEntry, b: LiveEntry) => b.postedAt.localeCompare(a.postedAt) || b.documentId.localeCompare(a.documentId);

export function indexLives(records: RecordSet) {
  const all = records.all('live').sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.documentId.localeCompare(b.documentId));
  const byId = new Map(all.map((live) => [live.documentId, live] as const));
  const entries = new Map<string, LiveEntry[]>(all.map((live) => [live.documentId, []]));
  const entryById = new Map<string, LiveEntry>();
  for (const entry of records.all('liveEntry')) {
    const list = entries.get(entry.liveId);
    if (!list) continue;
    list.push(entry);
    entryById.set(entry.documentId, entry);
  }
  for (const list of entries.values()) list.sort(newestFirst);
  const byEvent = new Map<string, Live[]>();
  for (const live of all) if (live.eventId) byEvent.set(live.eventId, [...(byEvent.get(live.eventId) ?? []), live]);
  return {
    all,
    bySlug: new Map(all.map((live) => [live.slug, live] as const)),
    byId,
    /** The live's entries, newest first. */
    entriesOf: (live: Live): LiveEntry[] => entries.get(live.documentId) ?? [],
    /** An entry the site shows (its live held), by documentId. */
    entry: (documentId: string): LiveEntry | null => entryById.get(documentId) ?? null,
    /** The lives covering an event. */
    ofEvent: (eventId: string): Live[] => byEvent.get(eventId) ?? [],
  };
}
