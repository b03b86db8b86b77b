/**
 * iCalendar (RFC 5545) of the campaign's events, in Asia/Shanghai: times are written as
 * Shanghai wall-clock times with TZID and the zone is described by a VTIMEZONE (UTC+8,
 * no daylight saving since 1991), so calendars show 15:00 for a 15:00 session anywhere.
 */
import { stripIllegalXmlChars } from '@campaign-desk/shared';

export type CalendarEvent = {
  uid: string;
  title: string;
  startsAt: string;
  endsAt: string | null;
  updatedAt: string;
  location: string | null;
  description: string | null;
  url: string;
  categories: string[];
};

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Asia/Shanghai',
  'X-LIC-LOCATION:Asia/Shanghai',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0800',
  'TZOFFSETTO:+0800',
  'TZNAME:CST',
  'DTSTART:19700101T000000',
  'END:STANDARD',
  'END:VTIMEZONE',
];

export function buildCalendar(name: string, events: CalendarEvent[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Campaign Desk//Campaign events//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(name)}`,
    'X-WR-TIMEZONE:Asia/Shanghai',
    ...VTIMEZONE,
  ];
  for (const event of events) {
    lines.push('BEGIN:VEVENT');
    lines.push(`UID:${text(event.uid)}`);
    lines.push(`DTSTAMP:${utc(event.updatedAt)}`);
    lines.push(`DTSTART;TZID=Asia/Shanghai:${shanghai(event.startsAt)}`);
    if (event.endsAt !== null) lines.push(`DTEND;TZID=Asia/Shanghai:${shanghai(event.endsAt)}`);
    lines.push(`SUMMARY:${text(event.title)}`);
    if (event.location) lines.push(`LOCATION:${text(event.location)}`);
    if (event.description) lines.push(`DESCRIPTION:${text(event.description)}`);
    if (event.categories.length > 0) lines.push(`CATEGORIES:${event.categories.map(text).join(',')}`);
    lines.push(`URL:${event.url}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** TEXT value escaping (RFC 5545 3.3.11). */
function text(value: string): string {
  return stripIllegalXmlChars(value)
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n?|\n/g, '\\n');
}

function utc(instant: string): string {
  return new Date(instant)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function shanghai(instant: string): string {
  const local = new Date(new Date(instant).getTime() + SHANGHAI_OFFSET_MS);
  return local
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, '');
}

/** Lines longer than 75 octets are folded, never inside a UTF-8 character. */
function fold(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (size + bytes > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
