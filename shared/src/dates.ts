/**
 * Campaign calendar logic. Every calendar date the campaign speaks of (theme windows,
 * story dates, month archives) is a date in Asia/Shanghai, whatever zone the CMS server,
 * the build machine or the reader's browser runs in; so nothing here reads the local zone.
 */
import { CAMPAIGN, THEMES } from './taxonomy';

export const CAMPAIGN_TIME_ZONE = 'Asia/Shanghai';

type Theme = (typeof THEMES)[number];

export type CampaignPhase = { state: 'before' } | { state: 'during'; theme: Theme | null } | { state: 'after' };

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
// The offset is required: without one, Date.parse would read the time in the machine's zone.
const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;
const MONTH = /^(\d{4})-(\d{2})$/;

const shanghaiClock = new Intl.DateTimeFormat('en-US', {
  timeZone: CAMPAIGN_TIME_ZONE,
  calendar: 'gregory',
  numberingSystem: 'latn',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  // h23, not hour12: false, which some ICU versions render as '24' at midnight.
  hourCycle: 'h23',
});

/** A Shanghai calendar date, with the wall-clock time when the input was an instant. */
type ShanghaiMoment = { date: string; time: { hour: number; minute: number } | null };

/** The calendar date 'YYYY-MM-DD' in Asia/Shanghai; a date-only string already is one. */
export function shanghaiDate(input: Date | string): string {
  return toShanghai(input).date;
}

/** '2020-05-19T16:30:00Z' → '2020年5月20日'. */
export function formatChineseDate(input: Date | string): string {
  return chineseDate(toShanghai(input).date);
}

/** '2020-05-20T07:00:00Z' → '2020年5月20日 15:00'; a date-only input gives just the date. */
export function formatChineseDateTime(input: Date | string): string {
  const { date, time } = toShanghai(input);
  if (time === null) return chineseDate(date);
  return `${chineseDate(date)} ${time.hour}:${String(time.minute).padStart(2, '0')}`;
}

/** '2020-05' → '2020年5月'. */
export function formatChineseMonth(month: string): string {
  const match = MONTH.exec(month);
  if (match === null || !isCalendarDate(`${month}-01`)) throw invalid(month);
  return `${Number(match[1])}年${Number(match[2])}月`;
}

/** The month archive an instant or date belongs to, 'YYYY-MM' in Shanghai. */
export function monthKey(input: Date | string): string {
  return toShanghai(input).date.slice(0, 7);
}

/** The theme whose phase window (inclusive, Shanghai dates) contains the date, if any. */
export function themeOfDate(input: Date | string): Theme | null {
  const date = toShanghai(input).date;
  // 'YYYY-MM-DD' strings order like the dates they name.
  return THEMES.find((theme) => theme.startsOn <= date && date <= theme.endsOn) ?? null;
}

export function campaignPhaseAt(input: Date | string): CampaignPhase {
  const date = toShanghai(input).date;
  if (date < CAMPAIGN.startsOn) return { state: 'before' };
  if (date > CAMPAIGN.endsOn) return { state: 'after' };
  return { state: 'during', theme: themeOfDate(date) };
}

/**
 * The instant of a Shanghai wall-clock time: ('2020-05-20', '15:00') →
 * '2020-05-20T15:00:00+08:00'. Shanghai has kept UTC+8 without daylight saving since 1991.
 * Accepts Strapi's time fields ('15:00:00.000'); fractions of a second are dropped.
 */
export function shanghaiDateTime(date: string, time = '00:00'): string {
  if (!isCalendarDate(date)) throw invalid(date);
  const match = TIME.exec(time);
  if (match === null || !isClockTime(match[1], match[2], match[3])) throw invalid(time);
  return `${date}T${match[1]}:${match[2]}:${match[3] ?? '00'}+08:00`;
}

function toShanghai(input: Date | string): ShanghaiMoment {
  if (typeof input === 'string') {
    if (DATE_ONLY.test(input)) {
      if (!isCalendarDate(input)) throw invalid(input);
      return { date: input, time: null };
    }
    const match = INSTANT.exec(input);
    // Date.parse rolls 2020-02-30 over into March, so the parts are checked first.
    if (match === null || !isCalendarDate(match[1] ?? '') || !isClockTime(match[2], match[3], match[4])) {
      throw invalid(input);
    }
    return fromInstant(new Date(input), input);
  }
  return fromInstant(input, input);
}

/** From here on Shanghai is UTC+8 all year (its last daylight saving ended in September 1991). */
const FIXED_OFFSET_SINCE = Date.UTC(1992, 0, 1);
const OFFSET_MS = 8 * 3_600_000;

function fromInstant(instant: Date, input: Date | string): ShanghaiMoment {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw invalid(input);
  // Arithmetic, not Intl: a whole build formats tens of thousands of dates, and formatToParts
  // was among the largest costs of rendering its pages (bench: whole build's profile).
  if (ms >= FIXED_OFFSET_SINCE) {
    const wall = new Date(ms + OFFSET_MS);
    const two = (value: number) => String(value).padStart(2, '0');
    return {
      date: `${String(wall.getUTCFullYear()).padStart(4, '0')}-${two(wall.getUTCMonth() + 1)}-${two(wall.getUTCDate())}`,
      time: { hour: wall.getUTCHours(), minute: wall.getUTCMinutes() },
    };
  }
  const parts = shanghaiClock.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return {
    date: `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`,
    time: { hour: Number(part('hour')), minute: Number(part('minute')) },
  };
}

function chineseDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

function isCalendarDate(date: string): boolean {
  const match = DATE_ONLY.exec(date);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  probe.setUTCFullYear(year, month - 1, day);
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** Parts captured by TIME or INSTANT: two digits each, the seconds optional. */
function isClockTime(hour: string | undefined, minute: string | undefined, second = '00'): boolean {
  return Number(hour) <= 23 && Number(minute) <= 59 && Number(second) <= 59;
}

function invalid(input: Date | string): RangeError {
  const shown = typeof input === 'string' ? JSON.stringify(input) : String(input);
  return new RangeError(`Invalid date: ${shown}`);
}
