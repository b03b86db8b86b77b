import { describe, expect, it } from 'vitest';
import { pinyinOfCharacters, pinyinSlug, pinyinSyllables, SLUG_PATTERN, withSuffix } from '../src/slug';
import { CAMPAIGN } from '../src/taxonomy';

describe('pinyinSlug', () => {
  it.each([
    ['接力唐光友，为民做好事', 'jie-li-tang-guang-you-wei-min-zuo-hao-shi'],
    ['咸宁市委理论学习中心组开展大调研', 'xian-ning-shi-wei-li-lun-xue-xi-zhong-xin-zu-kai-zhan-da-diao-yan'],
    ['咸安区召开“六大”活动推进会', 'xian-an-qu-zhao-kai-liu-da-huo-dong-tui-jin-hui'],
    ['通城县开展“双宣讲”进农村', 'tong-cheng-xian-kai-zhan-shuang-xuan-jiang-jin-nong-cun'],
    ['赤壁：茶产业增长极', 'chi-bi-cha-chan-ye-zeng-zhang-ji'],
  ])('reads %s as %s', (title, slug) => {
    expect(pinyinSlug(title)).toBe(slug);
  });

  it('reads polyphonic characters in context', () => {
    expect(pinyinSlug('大调研')).toBe('da-diao-yan');
    expect(pinyinSlug('调整结构')).toBe('tiao-zheng-jie-gou');
    expect(pinyinSlug('咸宁')).toBe('xian-ning');
    expect(pinyinSlug('银行行长调研长江经济带')).toBe('yin-hang-hang-zhang-diao-yan-chang-jiang-jing-ji-dai');
    expect(pinyinSlug('重庆重点')).toBe('chong-qing-zhong-dian');
  });

  it('writes ü as v', () => {
    expect(pinyinSlug('绿色发展')).toBe('lv-se-fa-zhan');
    expect(pinyinSlug('女儿')).toBe('nv-er');
  });

  it('turns Chinese and ASCII punctuation into single separators', () => {
    expect(pinyinSlug('《意见》解读｜“六大”活动、怎么干？！')).toBe('yi-jian-jie-du-liu-da-huo-dong-zen-me-gan');
    expect(pinyinSlug('--咸宁 -- (高新区)...')).toBe('xian-ning-gao-xin-qu');
    expect(pinyinSlug('绿色·发展——咸宁…')).toBe('lv-se-fa-zhan-xian-ning');
  });

  it('keeps latin words and digits, lower-cased', () => {
    expect(pinyinSlug('H5｜看咸宁2020')).toBe('h5-kan-xian-ning-2020');
    expect(pinyinSlug('5G+智慧城市')).toBe('5g-zhi-hui-cheng-shi');
    expect(pinyinSlug('Hello World，咸宁！')).toBe('hello-world-xian-ning');
    expect(pinyinSlug('2020年5月20日')).toBe('2020-nian-5-yue-20-ri');
  });

  it('reads the look-alike characters of text copied out of PDFs', () => {
    // U+2F24 KANGXI RADICAL BIG and U+F90A, a compatibility form of 金.
    expect(pinyinSlug('\u2F24调研')).toBe('da-diao-yan');
    expect(pinyinSlug('\uF90A桂')).toBe('jin-gui');
  });

  it('folds full-width forms and accents to ASCII', () => {
    expect(pinyinSlug('ＡＢＣ１２３全角')).toBe('abc123-quan-jiao');
    expect(pinyinSlug('Café 咸宁')).toBe('cafe-xian-ning');
    expect(pinyinSlug('Pokémon·H5')).toBe('pokemon-h5');
  });

  it('returns an empty slug when nothing can be read', () => {
    expect(pinyinSlug('')).toBe('');
    expect(pinyinSlug(' \u3000 ')).toBe('');
    expect(pinyinSlug('——！？。《》')).toBe('');
    expect(pinyinSlug('🎉🎉')).toBe('');
  });

  it('cuts long titles at a word boundary within 80 characters', () => {
    const slug = pinyinSlug(CAMPAIGN.name);
    expect(slug).toBe('tui-jin-xian-ning-gao-zhi-liang-fa-zhan-da-xue-xi-da-diao-yan-da-tao-lun-da-tong');
    expect(slug.length).toBeLessThanOrEqual(80);
  });

  it('cuts to a custom length, keeping a word that ends exactly on it', () => {
    expect(pinyinSlug('大调研', 7)).toBe('da-diao');
    expect(pinyinSlug('大调研', 6)).toBe('da');
    expect(pinyinSlug('Supercalifragilistic', 5)).toBe('super');
  });

  it('rejects a length that is not a positive integer', () => {
    expect(() => pinyinSlug('大调研', 0)).toThrow(RangeError);
    expect(() => pinyinSlug('大调研', 2.5)).toThrow(RangeError);
  });

  it('always produces what SLUG_PATTERN accepts', () => {
    for (const title of ['接力唐光友，为民做好事', '《意见》解读｜H5', CAMPAIGN.name, '-a-', 'Ａ—Ｂ']) {
      expect(pinyinSlug(title)).toMatch(SLUG_PATTERN);
    }
  });
});

describe('pinyinSyllables', () => {
  it('reads each Chinese character as a toneless syllable and other text as one run', () => {
    expect(pinyinSyllables('唐光友 H5')).toEqual(['tang', 'guang', 'you', ' h5']);
    expect(pinyinSyllables('绿色Café')).toEqual(['lv', 'se', 'cafe']);
  });

  it('reads look-alike characters from PDFs as the characters they stand for', () => {
    expect(pinyinSyllables('\u2F24调研')).toEqual(['da', 'diao', 'yan']);
  });
});

describe('pinyinOfCharacters', () => {
  it('reads each character in context, one entry per code point, none for what is not Chinese', () => {
    expect(pinyinOfCharacters('以“大调研”😀H调')).toEqual(['yi', '', 'da', 'diao', 'yan', '', '', '', 'tiao']);
  });

  it('folds look-alike characters without moving positions', () => {
    expect(pinyinOfCharacters('\u2F24调研')).toEqual(['da', 'diao', 'yan']);
  });
});

describe('SLUG_PATTERN', () => {
  it('accepts lower-case words joined by single hyphens only', () => {
    expect(SLUG_PATTERN.test('da-diao-yan-2')).toBe(true);
    for (const bad of ['', 'Da-diao', 'da--diao', '-da', 'da-', 'da_diao', 'da diao', 'dà']) {
      expect(SLUG_PATTERN.test(bad)).toBe(false);
    }
  });
});

describe('withSuffix', () => {
  it('appends the number', () => {
    expect(withSuffix('abc', 2)).toBe('abc-2');
    expect(withSuffix('da-diao-yan', 12)).toBe('da-diao-yan-12');
  });

  it('trims the base at a word boundary to stay within 80 characters', () => {
    const base = pinyinSlug(CAMPAIGN.name);
    const suffixed = withSuffix(base, 2);
    expect(suffixed).toBe('tui-jin-xian-ning-gao-zhi-liang-fa-zhan-da-xue-xi-da-diao-yan-da-tao-lun-da-2');
    expect(suffixed.length).toBeLessThanOrEqual(80);
    expect(withSuffix('a'.repeat(80), 10)).toBe(`${'a'.repeat(77)}-10`);
  });

  it('refuses what cannot become a slug', () => {
    expect(() => withSuffix('', 2)).toThrow(RangeError);
    expect(() => withSuffix('Not A Slug', 2)).toThrow(RangeError);
    expect(() => withSuffix('abc', 0)).toThrow(RangeError);
    expect(() => withSuffix('abc', 1.5)).toThrow(RangeError);
  });
});
