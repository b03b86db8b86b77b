/**
 * The configurable sensitive-word list: a submission that contains one is flagged for a
 * moderator's attention, with the words found. It is never published or dropped for it.
 * Matching ignores case, full- and half-width forms and the spaces or punctuation a sender
 * puts between characters to slip past a list.
 */
import type { Core } from '@strapi/strapi';
import { pluginConfig } from '../../config/read';
import { defineService } from '../../utils';

const fold = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');

export default defineService('sensitive-words', ({ strapi }: { strapi: Core.Strapi }) => {
  let words: Array<{ word: string; folded: string }> | null = null;
  const list = () =>
    (words ??= pluginConfig(strapi)
      .participation.sensitiveWords.map((word) => ({ word, folded: fold(word) }))
      .filter((entry) => entry.folded !== ''));

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
