/**
 * The configurable sensitive-word list: a submission that contains one is flagged for a
 * moderator's attention, with the words found. It is never published or dropped for it. A
 * story is checked against it too, at 送审 and at publish (review/services/word-check.ts).
 * Matching ignores case, full- and half-width forms and the spaces, punctuation or invisible
 * characters a sender puts between characters to slip past a list.
 */
import type { Core } from '@strapi/strapi';
import { pluginConfig } from '../../config/read';
import { defineService } from '../../utils';

/**
 * What a word is matched on. Besides spaces, punctuation and symbols, invisible characters go
 * too (zero-width spaces and joiners, soft hyphens, variation selectors, combining marks): each
 * renders as nothing, so one between two characters would otherwise hide a listed word.
 */
export const fold = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}\p{C}\p{M}]+/gu, '');

export default defineService('sensitive-words', ({ strapi }: { strapi: Core.Strapi }) => {
  // Folded once per list: the configuration can change while Strapi runs (config/read.ts).
  let folded: { from: string; words: Array<{ word: string; folded: string }> } | null = null;
  const list = () => {
    const words = pluginConfig(strapi).participation.sensitiveWords;
    const from = words.join('\n');
    if (folded?.from !== from) {
      folded = { from, words: words.map((word) => ({ word, folded: fold(word) })).filter((entry) => entry.folded !== '') };
    }
    return folded.words;
  };

  return {
    /** The listed words found in these texts, each once, in list order. */
    find(texts: Array<string | null>): string[] {
      const haystack = fold(texts.filter(Boolean).join('\n'));
      return list()
        .filter((entry) => haystack.includes(entry.folded))
        .map((entry) => entry.word);
    },
  };
});
