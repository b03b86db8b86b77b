/**
 * What else a reader may type to find a text: its traditional forms, its names read aloud in
 * pinyin, and the everyday words for what the campaign calls otherwise. Search records carry
 * these as hidden fields (see search.ts), so the static index finds them: no search server,
 * nothing converted in the reader's browser.
 */
import { pinyinOfCharacters, pinyinSyllables } from '@campaign-desk/shared';
import { Converter } from 'opencc-js/cn2t';

/**
 * Everyday words readers type for what the campaign's texts say otherwise: a text holding one
 * word of a group is found by the others too. Only words readers really type belong here.
 */
const SYNONYMS: ReadonlyArray<readonly string[]> = [
  // The plan's 接力做好事 and 为民做好事 are what people call 好人好事.
  ['做好事', '好人好事'],
];

/** The words of a group that a text does not hold, when it holds one of them. */
export function synonymsIn(text: string): string[] {
  return SYNONYMS.flatMap((group) => (group.some((word) => text.includes(word)) ? group.filter((word) => !text.includes(word)) : []));
}

/**
 * Words as the reader's browser cuts a query into them: Pagefind's search script uses
 * `Intl.Segmenter`, the same ICU dictionary Node has. Pagefind indexes with a segmenter of
 * its own; words given to it separated by spaces stay the words the browser looks for.
 */
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

function wordsOf(text: string): string[] {
  const found: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(text)) if (isWordLike) found.push(segment);
  return found;
}

/**
 * OpenCC's converters: simplified to traditional (phrase by phrase), then to the variants of
 * Taiwan and of Hong Kong, the two a reader types (為/爲, 裡/裏 differ). The same as converting
 * to each directly, at a third of the cost. Their dictionaries take half a second to load, so
 * they are made on first use.
 */
let converters: { traditional: (text: string) => string; variants: Array<(text: string) => string> } | null = null;

/** A text as Taiwan and Hong Kong write it, each form once and only where it differs. */
export function traditionalTexts(text: string): string[] {
  converters ??= {
    traditional: Converter({ from: 'cn', to: 't' }),
    variants: [Converter({ from: 't', to: 'tw' }), Converter({ from: 't', to: 'hk' })],
  };
  const traditional = converters.traditional(text);
  return [...new Set(converters.variants.map((variant) => variant(traditional)))].filter((converted) => converted !== text);
}

/**
 * The words of a text as Taiwan and Hong Kong write it, where they differ ('咸宁市党员干部' →
 * ['咸寧', '黨員', '幹部']). Cut as the reader’s browser cuts a query (see `wordsOf`), so the
 * words a reader types in traditional characters are the words the index holds.
 */
export function traditionalWords(text: string): string[] {
  const found = new Set<string>();
  for (const converted of traditionalTexts(text)) for (const word of wordsOf(converted)) if (!text.includes(word)) found.add(word);
  return [...found];
}

const HAN = /\p{Script=Han}/u;

/** Syllables and latin words of a text, as index words (letters and digits only). */
function syllablesOf(text: string): string[] {
  return pinyinSyllables(text)
    .flatMap((syllable) => syllable.split(/[^a-z0-9]+/))
    .filter(Boolean);
}

/**
 * A name as readers type it in pinyin: whole ('tangguangyou'), spaced ('tang guang you') and by
 * initials ('tgy'). A name without Chinese characters has none.
 */
export function pinyinOfName(name: string): string[] {
  if (!HAN.test(name)) return [];
  const syllables = syllablesOf(name);
  return [syllables.join(''), syllables.join(' '), syllables.map((syllable) => syllable[0]).join('')];
}

/**
 * A text read aloud word by word: each word's syllables joined ('diaoyan') and one by one
 * ('diao', 'yan'), so a reader who types a title's words in pinyin, spaced or not, finds it.
 * Characters are read in the whole text's context: 调 in 调研 is diao even where the browser's
 * words cut 大|调|研.
 */
export function pinyinOfText(text: string): string[] {
  const syllables = pinyinOfCharacters(text);
  const read = new Set<string>();
  let at = 0;
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    const length = [...segment].length;
    const word = syllables.slice(at, at + length).filter(Boolean);
    at += length;
    if (!isWordLike || word.length === 0) continue;
    read.add(word.join(''));
    for (const syllable of word) read.add(syllable);
  }
  return [...read];
}

/** 咸安区 → 咸安: a place is called without its level (市, 县, 区) as often as with it. */
export function shortPlaceName(name: string): string | null {
  const short = name.replace(/[市县区]$/u, '');
  return short !== name && [...short].length >= 2 ? short : null;
}

/**
 * A query or a name as the search page compares them for its 直达 line: compatibility forms
 * folded (NFKC), lower case, without spaces, punctuation or symbols (《意见》 → 意见).
 * The page's script applies the same pattern (sent with the page) to what the reader typed.
 */
export const DIRECT_KEY_DROP = /[\s\p{P}\p{S}]+/gu;

export function directKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(DIRECT_KEY_DROP, '');
}
