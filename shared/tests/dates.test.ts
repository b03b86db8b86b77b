import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  CAMPAIGN_TIME_ZONE,
  campaignPhaseAt,
  formatChineseDate,
  formatChineseDateTime,
  formatChineseMonth,
  monthKey,
  shanghaiDate,
  shanghaiDateTime,
  themeOfDate,
} from '../src/dates';
import { CAMPAIGN, THEMES } from '../src/taxonomy';

// Run in a zone far from Shanghai, so that code reading the machine's zone gives wrong answers.
beforeAll(() => {
  vi.stubEnv('TZ', 'America/Los_Angeles');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

it('uses the Shanghai zone, not the machine zone', () => {
  expect(CAMPAIGN_TIME_ZONE).toBe('Asia/Shanghai');
  // The machine's clock runs 15 hours behind Shanghai's (PDT, UTC-7).
  expect(new Date('2020-05-31T16:00:00Z').getTimezoneOffset()).toBe(420);
});

describe('shanghaiDate', () => {
  it('gives the Shanghai calendar date of an instant', () => {
    expect(shanghaiDate('2020-05-31T16:00:00Z')).toBe('2020-06-01');
    expect(shanghaiDate('2020-05-31T15:59:59.999Z')).toBe('2020-05-31');
    expect(shanghaiDate('2020-06-01T00:00:00+08:00')).toBe('2020-06-01');
    expect(shanghaiDate('2020-05-31T12:30:00-04:00')).toBe('2020-06-01');
    expect(shanghaiDate(new Date('2020-05-31T16:00:00Z'))).toBe('2020-06-01');
  });

  it('returns a date-only string as it is', () => {
    expect(shanghaiDate('2020-04-21')).toBe('2020-04-21');
    expect(shanghaiDate('2020-02-29')).toBe('2020-02-29');
  });

  it.each([
    '2020-02-30',
    '2019-02-29',
    '2020-13-01',
    '2020-5-1',
    'not a date',
    '',
    '2020-02-30T00:00:00Z',
    '2020-05-20T24:00:00Z',
    // Without an offset the instant would depend on the machine's zone.
    '2020-05-20T15:00:00',
  ])('throws a RangeError naming %j', (input) => {
    expect(() => shanghaiDate(input)).toThrow(RangeError);
    expect(() => shanghaiDate(input)).toThrow(JSON.stringify(input));
  });

  it('throws a RangeError for an invalid Date', () => {
    expect(() => shanghaiDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('formatting', () => {
  it('formats dates the Chinese way, without zero padding', () => {
    expect(formatChineseDate('2020-05-19T16:30:00Z')).toBe('2020年5月20日');
    expect(formatChineseDate('2020-05-01')).toBe('2020年5月1日');
    expect(formatChineseDate(new Date('2020-12-31T16:00:00Z'))).toBe('2021年1月1日');
  });

  it('formats date-times on the 24-hour Shanghai clock', () => {
    expect(formatChineseDateTime('2020-05-20T07:00:00Z')).toBe('2020年5月20日 15:00');
    expect(formatChineseDateTime('2020-05-20T01:05:00Z')).toBe('2020年5月20日 9:05');
    expect(formatChineseDateTime('2020-05-19T16:00:00Z')).toBe('2020年5月20日 0:00');
    expect(formatChineseDateTime('2020-05-20T23:59:00+08:00')).toBe('2020年5月20日 23:59');
  });

  it('reads instants on the zone database’s Shanghai clock, before and after its last daylight saving (1991)', () => {
    const zone = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', hourCycle: 'h23', dateStyle: 'short', timeStyle: 'short' });
    const expected = (instant: Date) => {
      const [date, time] = zone.format(instant).split(', ');
      const [hour, minute] = time!.split(':').map(Number);
      return `${formatChineseDate(date!)} ${hour}:${String(minute).padStart(2, '0')}`;
    };
    // Every 3 days 1 h 7 min from 1986 to 2040: each hour of the day, both sides of the fixed offset.
    for (let ms = Date.UTC(1986, 0, 1); ms < Date.UTC(2040, 0, 1); ms += 3 * 86_400_000 + 4_020_000) {
      expect(formatChineseDateTime(new Date(ms))).toBe(expected(new Date(ms)));
    }
    // Summer time of 1988 (UTC+9).
    expect(formatChineseDateTime('1988-07-01T00:00:00Z')).toBe('1988年7月1日 9:00');
  });

  it('formats a date-only input as just the date', () => {
    expect(formatChineseDateTime('2020-05-20')).toBe('2020年5月20日');
  });

  it('formats months', () => {
    expect(formatChineseMonth('2020-05')).toBe('2020年5月');
    expect(formatChineseMonth('2020-12')).toBe('2020年12月');
    for (const bad of ['2020-13', '2020-00', '2020-5', '2020-05-01', '']) {
      expect(() => formatChineseMonth(bad)).toThrow(RangeError);
    }
  });

  it('files instants under their Shanghai month', () => {
    expect(monthKey('2020-05-31T16:00:00Z')).toBe('2020-06');
    expect(monthKey('2020-05-31')).toBe('2020-05');
  });
});

describe('themeOfDate', () => {
  it('finds the theme whose window holds the Shanghai date, bounds included', () => {
    expect(themeOfDate('2020-04-21')?.slug).toBe('zengzhangji');
    expect(themeOfDate('2020-05-31')?.slug).toBe('zengzhangji');
    expect(themeOfDate('2020-05-31T16:00:00Z')?.phase).toBe(2);
    expect(themeOfDate('2020-07-31')?.slug).toBe('shifanqu');
    expect(themeOfDate('2020-07-31T16:00:00Z')?.slug).toBe('gongyuan-chengshi');
    expect(themeOfDate('2020-09-30')?.slug).toBe('gongyuan-chengshi');
  });

  it('finds no theme outside the campaign', () => {
    expect(themeOfDate('2020-04-20')).toBeNull();
    expect(themeOfDate('2020-09-30T16:00:00Z')).toBeNull();
  });

  it('has exactly one theme for every day of the campaign', () => {
    const day = 24 * 60 * 60 * 1000;
    const end = Date.parse(`${CAMPAIGN.endsOn}T00:00:00Z`);
    for (let time = Date.parse(`${CAMPAIGN.startsOn}T00:00:00Z`); time <= end; time += day) {
      const date = new Date(time).toISOString().slice(0, 10);
      const holding = THEMES.filter((theme) => theme.startsOn <= date && date <= theme.endsOn);
      expect(holding, date).toHaveLength(1);
      expect(themeOfDate(date), date).toBe(holding[0]);
    }
  });
});

describe('campaignPhaseAt', () => {
  it('is before the campaign until 21 April in Shanghai', () => {
    expect(campaignPhaseAt('2020-04-20')).toEqual({ state: 'before' });
    expect(campaignPhaseAt('2020-04-20T15:59:59Z')).toEqual({ state: 'before' });
  });

  it('is during the campaign, with the theme of the day', () => {
    expect(campaignPhaseAt('2020-04-20T16:00:00Z')).toEqual({ state: 'during', theme: THEMES[0] });
    expect(campaignPhaseAt('2020-05-31T16:00:00Z')).toEqual({ state: 'during', theme: THEMES[1] });
    expect(campaignPhaseAt('2020-09-30T15:59:59Z')).toEqual({ state: 'during', theme: THEMES[2] });
  });

  it('is after the campaign from 1 October in Shanghai', () => {
    expect(campaignPhaseAt('2020-09-30T16:00:00Z')).toEqual({ state: 'after' });
    expect(campaignPhaseAt(new Date('2021-01-01T00:00:00Z'))).toEqual({ state: 'after' });
  });
});

describe('shanghaiDateTime', () => {
  it('writes a Shanghai wall-clock time as an instant with its offset', () => {
    expect(shanghaiDateTime('2020-05-20', '15:00')).toBe('2020-05-20T15:00:00+08:00');
    expect(shanghaiDateTime('2020-05-20')).toBe('2020-05-20T00:00:00+08:00');
    expect(shanghaiDateTime('2020-05-20', '09:30:15.000')).toBe('2020-05-20T09:30:15+08:00');
    expect(new Date(shanghaiDateTime('2020-06-01')).toISOString()).toBe('2020-05-31T16:00:00.000Z');
  });

  it('round-trips through shanghaiDate', () => {
    expect(shanghaiDate(shanghaiDateTime('2020-06-01', '00:00'))).toBe('2020-06-01');
    expect(formatChineseDateTime(shanghaiDateTime('2020-06-01', '23:59'))).toBe('2020年6月1日 23:59');
  });

  it.each([
    ['2020-02-30', '10:00'],
    ['2020/05/20', '10:00'],
    ['2020-05-20', '24:00'],
    ['2020-05-20', '12:60'],
    ['2020-05-20', '9:00'],
    ['2020-05-20', '15:00+08:00'],
  ])('throws a RangeError for %s %s', (date, time) => {
    expect(() => shanghaiDateTime(date, time)).toThrow(RangeError);
  });
});
