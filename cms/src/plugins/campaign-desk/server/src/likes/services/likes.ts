/**
 * 点赞: one per reader per public item per 咸宁 day, counted in the counters every CMS instance
 * shares (counters/services/counters.ts): `firstTime('like:day', …)` says whether it is the
 * reader's first like of the item today, `add('like:total', item)` keeps the item's total.
 * A reader is their address (an IPv6 /64; readers behind one address share one like an item
 * a day), kept only as an HMAC under a key of its own, never as the address. An item is
 * public as the snapshot would carry it (record-reader), so a draft, a withdrawn deed or an
 * unadopted suggestion cannot be liked. The counts the site reads are kept in memory half a
 * minute: a flood of reads costs no database work, and a like shows within a minute.
 */
import { createHmac } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { LIKE_KINDS, likeKey, type LikeKind, type LikedType } from '@campaign-desk/shared';
import { pluginConfig, publicUrl } from '../../config/read';
import counters, { CHINA_DAY } from '../../counters/services/counters';
import { deriveKey } from '../../participation/keys';
import recordReader from '../../publication/services/record-reader';
import { defineService, getService } from '../../utils';

export const LIKE_COUNTERS = { day: 'like:day', total: 'like:total' } as const;
/** How long the counts the site reads are kept in memory (with the caches' 30 s: within a minute). */
export const COUNTS_FOR_MS = 30_000;

/** What the newsroom reads of an item in 统计 and 周报. */
const TITLE: Record<LikedType, (record: Record<string, unknown>) => string> = {
  goodDeed: (record) => String(record.title),
  figure: (record) => String(record.name),
  suggestion: (record) => String(record.text),
};

export type Liked = { counted: boolean; count: number };
export type MostLikedKind = { kind: string; items: Array<{ documentId: string; title: string; count: number }> };

export default defineService('likes', ({ strapi }: { strapi: Core.Strapi }) => {
  let readerKey: Buffer | null = null;
  let cached: { at: number; counts: Promise<Record<string, number>> } | null = null;
  const shared = () => getService(strapi, counters);

  function readerOf(address: string): string {
    if (!readerKey) readerKey = deriveKey(pluginConfig(strapi).participation.key, 'like-reader');
    return createHmac('sha256', readerKey).update(address).digest('base64url').slice(0, 32);
  }

  /** Which of these items of a type are public now, with their records. */
  async function publicRecords(type: LikedType, documentIds: string[]): Promise<Map<string, Record<string, unknown>>> {
    if (documentIds.length === 0) return new Map();
    // The CMS's public URL, as the snapshot reads them: a record's pictures need an absolute base.
    const { records } = await getService(strapi, recordReader).read(type, publicUrl(strapi), { documentIds });
    return new Map(records.map((record) => [record.documentId, record]));
  }

  return {
    /** A reader's like: counted if it is their first of the item today; null when no such item is public. */
    async like(kind: LikeKind, documentId: string, address: string, now = Date.now()): Promise<Liked | null> {
      const { type } = LIKE_KINDS.find((entry) => entry.key === kind)!;
      if (!(await publicRecords(type, [documentId])).has(documentId)) return null;
      const item = likeKey(type, documentId);
      if (await shared().firstTime(LIKE_COUNTERS.day, `${item}|${readerOf(address)}`, CHINA_DAY, now)) {
        return { counted: true, count: await shared().add(LIKE_COUNTERS.total, item) };
      }
      return { counted: false, count: (await shared().totals(LIKE_COUNTERS.total, [item])).get(item) ?? 0 };
    },

    /** Every item's count, as the site reads them (at most COUNTS_FOR_MS old). */
    counts(now = Date.now()): Promise<Record<string, number>> {
      if (!cached || now - cached.at >= COUNTS_FOR_MS) {
        const counts = shared()
          .everyTotal(LIKE_COUNTERS.total)
          .then((totals) => Object.fromEntries(totals));
        cached = { at: now, counts };
        // A failed read is not kept: the next request asks the database again.
        counts.catch(() => {
          if (cached?.counts === counts) cached = null;
        });
      }
      return cached.counts;
    },

    /** The most liked public items of each kind, with their titles (统计, 周报); withdrawn ones left out. */
    async mostLiked(limit = 10): Promise<MostLikedKind[]> {
      const totals = [...(await shared().everyTotal(LIKE_COUNTERS.total))].sort((a, b) => b[1] - a[1]);
      const result: MostLikedKind[] = [];
      for (const { type, name } of LIKE_KINDS) {
        const prefix = `${type}:`;
        const ranked = totals.filter(([key]) => key.startsWith(prefix)).map(([key, count]) => [key.slice(prefix.length), count] as const);
        const items: MostLikedKind['items'] = [];
        // The best first, a hundred at a time, until enough are public: a long tail is never read.
        for (let start = 0; start < ranked.length && items.length < limit; start += 100) {
          const slice = ranked.slice(start, start + 100);
          const records = await publicRecords(
            type,
            slice.map(([documentId]) => documentId),
          );
          for (const [documentId, count] of slice) {
            const record = records.get(documentId);
            if (record && items.length < limit) items.push({ documentId, title: TITLE[type](record).slice(0, 60), count });
          }
        }
        result.push({ kind: name, items });
      }
      return result;
    },

    /** Forgets the counts kept in memory (tests). */
    forget(): void {
      cached = null;
    },
  };
});
