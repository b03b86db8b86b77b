/**
 * One sync of the campaign snapshot: what changed since a sync point (everything without
 * one), checked, with the records' images downloaded. Many collection loaders ask for the
 * same sync in one build; calls with the same source and cursor share one read.
 */
import type { CampaignRecord, Tombstone } from '@campaign-desk/shared';
import { downloadImages } from './images';
import { readSnapshot, sourceKey, type SnapshotSource } from './source';

export type SyncResult = {
  /** True when `records` is everything published (a full export); false for changes only. */
  full: boolean;
  records: CampaignRecord[];
  tombstones: Tombstone[];
  /** The sync point to pass as `since` next time. */
  cursor: string;
  /** Local copies of the records' images: file name in the image directory by image URL. */
  images: Map<string, string>;
};

export type SyncOptions = {
  /** Directory the images are downloaded to, once per URL. */
  imageDir: string;
  fetch?: typeof fetch;
  /** Page size asked of the API. */
  limit?: number;
  warn?: (message: string) => void;
};

type Memo = { promise: Promise<SyncResult | null>; at: number };
const memo = new Map<string, Memo>();
/** Long enough for one build's loaders, short enough that `astro dev` re-syncs later. */
const MEMO_TTL_MS = 60_000;

/** The changes since `since`; null when a file source still holds the sync point `since`. */
export function syncSnapshot(source: SnapshotSource, since: string | undefined, options: SyncOptions) {
  const key = `${sourceKey(source)}\u0000${since ?? ''}\u0000${options.imageDir}`;
  const now = Date.now();
  const cached = memo.get(key);
  if (cached && now - cached.at < MEMO_TTL_MS) return cached.promise;
  const promise = runSync(source, since, options);
  memo.set(key, { promise, at: now });
  // A failure is not kept: the next build tries again.
  promise.catch(() => memo.delete(key));
  return promise;
}

/** Forgets memoised syncs (tests, and long-running dev servers). */
export function resetSnapshotMemo(): void {
  memo.clear();
}

async function runSync(source: SnapshotSource, since: string | undefined, options: SyncOptions): Promise<SyncResult | null> {
  const pages = await readSnapshot(source, since, options);
  const cursor = pages.at(-1)!.cursor;
  // A file is always a full export; if it still ends at the sync point held, nothing changed.
  if (source.kind === 'file' && since !== undefined && cursor === since) return null;
  const records = pages.flatMap((page) => page.records);
  return {
    full: source.kind === 'file' || since === undefined,
    records,
    tombstones: source.kind === 'file' ? [] : pages.flatMap((page) => page.tombstones),
    cursor,
    images: await downloadImages(records, options),
  };
}
