/**
 * The word check on stories (敏感词检查): the configured sensitive-word list run on every text of
 * a story the public reads (text-diff.ts: textBlocks), block by block, so each hit is shown with
 * its place. At 送审 the hits are logged with the move and shown in the 审稿 panel; 终审 passes a
 * story with hits only with a written acknowledgement, logged with it; publishing refuses a
 * story whose hits its 终审 did not acknowledge. Nothing is blocked or passed without saying so.
 */
import type { Core } from '@strapi/strapi';
import type { WordHit } from '../../../../common/review-api';
import sensitiveWords from '../../participation/services/sensitive-words';
import { defineService, getService } from '../../utils';
import reviewChanges from './review-changes';

/** The hits as one line: 正文第 2 段：某词、某词；标题：某词. */
export function describeHits(hits: WordHit[]): string {
  return hits.map((hit) => `${hit.place}：${hit.words.join('、')}`).join('；');
}

/** The words of `hits` that `acknowledged` (the hits a 终审 acknowledged) does not hold. */
export function unacknowledged(hits: WordHit[], acknowledged: WordHit[]): string[] {
  const known = new Set(acknowledged.flatMap((hit) => hit.words));
  return [...new Set(hits.flatMap((hit) => hit.words))].filter((word) => !known.has(word));
}

export default defineService('word-check', ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The listed words in the story's draft, per block where they stand. */
  async hitsOf(documentId: string): Promise<WordHit[]> {
    const words = getService(strapi, sensitiveWords);
    const blocks = await getService(strapi, reviewChanges).textOf(documentId);
    return blocks.flatMap((block) => {
      const found = words.find([block.text]);
      return found.length > 0 ? [{ place: block.place, words: found }] : [];
    });
  },
}));
