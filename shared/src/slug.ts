/**
 * URL slugs for stories, events and pages, read aloud from their Chinese titles:
 * '接力唐光友，为民做好事' → 'jie-li-tang-guang-you-wei-min-zuo-hao-shi'.
 */
import { pinyin } from 'pinyin-pro';

/** What the contract's slugSchema accepts. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The contract's slugSchema caps slugs at 80 characters. */
const SLUG_MAX_LENGTH = 80;

/**
 * A lower-case ASCII slug of a Chinese (or mixed) title, syllables and latin words joined
 * by '-'. Returns '' when nothing usable remains; the caller picks the fallback.
 */
export function pinyinSlug(title: string, maxLength = SLUG_MAX_LENGTH): string {
  assertLength(maxLength);
  const slug = pinyinSyllables(title)
    .join('-')
    // Every punctuation mark, space or symbol, Chinese or ASCII, separates words.
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return cut(slug, maxLength);
}

/**
 * A text read aloud: a lower-case toneless syllable for each Chinese character, and each run
 * of other text whole ('唐光友 H5' → ['tang', 'guang', 'you', ' h5']). Slugs are made of these,
 * and search indexes names by them so a reader may type pinyin.
 */
export function pinyinSyllables(text: string): string[] {
  // NFKC turns look-alikes into the characters pinyin-pro knows: Kangxi radicals and
  // compatibility ideographs that text copied out of PDFs is full of (⼤ U+2F24 for 大),
  // full-width letters and digits (ＡＢＣ１２３).
  return pinyin(text.normalize('NFKC'), {
    toneType: 'none',
    type: 'array',
    // Runs of non-Chinese text come back whole; callers split them into words.
    nonZh: 'consecutive',
    // ü has no ASCII letter; 'v' is the usual stand-in (绿色 → lv-se).
    v: true,
  }).map((syllable) =>
    syllable
      // Latin letters with accents (café) keep their base letter.
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase(),
  );
}

/**
 * The syllable of each character of a text, read in context (调研 → diao yan, where 调 alone
 * reads tiao), '' for a character that is not Chinese: one entry per code point, so words cut
 * elsewhere keep the syllables their characters have in the whole text.
 */
export function pinyinOfCharacters(text: string): string[] {
  // Look-alikes are folded one character at a time, so positions stay those of the text.
  const characters = [...text].map((char) => {
    const normal = char.normalize('NFKC');
    return [...normal].length === 1 ? normal : char;
  });
  // The array form gives one entry per character (a character without a reading as itself);
  // it is several times faster than the form that says which are Chinese.
  const read = pinyin(characters.join(''), { type: 'array', toneType: 'none', v: true });
  return characters.map((char, at) => (HAN.test(char) && read[at] !== char ? (read[at] ?? '') : ''));
}

const HAN = /^\p{Script=Han}$/u;

/** 'abc', 2 → 'abc-2': the n-th slug for a title already taken, still within 80 characters. */
export function withSuffix(slug: string, n: number): string {
  if (!SLUG_PATTERN.test(slug)) throw new RangeError(`Not a slug: ${JSON.stringify(slug)}`);
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`Slug suffix must be a positive integer, got ${n}`);
  const suffix = `-${n}`;
  return `${cut(slug, SLUG_MAX_LENGTH - suffix.length)}${suffix}`;
}

function assertLength(maxLength: number): void {
  if (!Number.isSafeInteger(maxLength) || maxLength < 1) {
    throw new RangeError(`Slug length must be a positive integer, got ${maxLength}`);
  }
}

/** Shortens a slug to maxLength, at a word boundary unless its first word alone is too long. */
function cut(slug: string, maxLength: number): string {
  if (slug.length <= maxLength) return slug;
  // Looking one character past the limit keeps a word that ends exactly on it.
  const boundary = slug.lastIndexOf('-', maxLength);
  return boundary > 0 ? slug.slice(0, boundary) : slug.slice(0, maxLength);
}
