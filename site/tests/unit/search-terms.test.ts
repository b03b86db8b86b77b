/** The hidden terms search records carry: what else a reader may type for a text. */
import { describe, expect, test } from 'vitest';
import {
  directKey,
  pinyinOfName,
  pinyinOfText,
  shortPlaceName,
  synonymsIn,
  traditionalTexts,
  traditionalWords,
} from '../../src/lib/search-terms';

describe('pinyin', () => {
  test('a name whole, spaced and by initials; none for a name without Chinese characters', () => {
    expect(pinyinOfName('唐光友')).toEqual(['tangguangyou', 'tang guang you', 'tgy']);
    expect(pinyinOfName('“双宣讲”')).toEqual(['shuangxuanjiang', 'shuang xuan jiang', 'sxj']);
    expect(pinyinOfName('H5')).toEqual([]);
  });

  test('a title word by word, joined and syllable by syllable, each character read in context', () => {
    const read = pinyinOfText('以“大调研”破解难题');
    expect(read).toContain('pojie');
    expect(read).toContain('nanti');
    for (const syllable of ['da', 'diao', 'yan', 'po', 'jie']) expect(read).toContain(syllable);
    // 调 in 调研 reads diao, even where the words are cut 大|调|研.
    expect(read).not.toContain('tiao');
    expect(read.every((word) => /^[a-z0-9]+$/.test(word))).toBe(true);
  });
});

describe('traditional characters', () => {
  test('Taiwan’s and Hong Kong’s forms where they differ from the simplified text, and only then', () => {
    expect(traditionalTexts('接力唐光友，为民做好事')).toEqual(['接力唐光友，為民做好事']);
    expect(traditionalTexts('唐光友')).toEqual([]);
    // 里: 裡 in Taiwan, 裏 in Hong Kong.
    expect(traditionalTexts('村里')).toEqual(['村裡', '村裏']);
  });

  test('the words a reader types, cut as the browser cuts a query', () => {
    const words = traditionalWords('咸宁市党员干部');
    expect(words).toContain('黨員');
    expect(words).toContain('幹部');
    expect(words.some((word) => word.startsWith('咸寧'))).toBe(true);
    expect(words).not.toContain('党员');
  });
});

describe('names and synonyms', () => {
  test('a place without its level', () => {
    expect(shortPlaceName('咸安区')).toBe('咸安');
    expect(shortPlaceName('咸宁高新区')).toBe('咸宁高新');
    expect(shortPlaceName('咸宁市')).toBe('咸宁');
    // Two characters at least remain, or the name stays whole.
    expect(shortPlaceName('沙市')).toBeNull();
    expect(shortPlaceName('唐光友')).toBeNull();
  });

  test('the everyday word for what the text says otherwise', () => {
    expect(synonymsIn('接力唐光友，为民做好事')).toEqual(['好人好事']);
    expect(synonymsIn('好人好事')).toEqual(['做好事']);
    expect(synonymsIn('大调研')).toEqual([]);
  });

  test('直达 keys fold width, case, spaces and punctuation', () => {
    expect(directKey('《意见》')).toBe('意见');
    expect(directKey(' Tang Guang-You ')).toBe('tangguangyou');
    expect(directKey('ＴＧＹ')).toBe('tgy');
    expect(directKey('咸宁日报·“六大”活动专栏')).toBe('咸宁日报六大活动专栏');
  });
});
