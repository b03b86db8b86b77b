import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { buildCalendar } from '../../src/lib/ics';
import { HOSTILE } from '../support/feed-input';

describe('iCalendar', () => {
  const ics = buildCalendar('“六大”活动日程', [
    {
      uid: 'ev1@site.example.org',
      title: `研讨会；逗号, 反斜杠\\ ${HOSTILE} ${'很长'.repeat(80)}`,
      startsAt: '2020-05-20T01:00:00.000Z',
      endsAt: '2020-05-20T03:30:00.000Z',
      updatedAt: '2026-11-24T19:57:58.033Z',
      location: '咸宁市 市委党校',
      description: '第一行\n第二行',
      url: 'https://site.example.org/events/#a',
      categories: ['专题学习'],
    },
    {
      uid: 'ev2@site.example.org',
      title: '宣讲',
      startsAt: '2020-10-13T07:00:00.000Z',
      endsAt: null,
      updatedAt: '2026-11-24T19:57:58.033Z',
      location: null,
      description: null,
      url: 'https://site.example.org/events/#b',
      categories: [],
    },
  ]);

  test('parses with ical.js, in Asia/Shanghai, with folded lines under 75 octets', () => {
    expect(ics.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const zone = calendar.getFirstSubcomponent('vtimezone');
    expect(zone?.getFirstPropertyValue('tzid')).toBe('Asia/Shanghai');
    ICAL.TimezoneService.register(zone!);
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    expect(events).toHaveLength(2);
    const [first, second] = events as [ICAL.Event, ICAL.Event];
    expect(first.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Asia/Shanghai');
    expect(first.startDate.zone?.tzid).toBe('Asia/Shanghai');
    expect(first.startDate.hour).toBe(9);
    expect(first.startDate.toJSDate().toISOString()).toBe('2020-05-20T01:00:00.000Z');
    expect(first.endDate.toJSDate().toISOString()).toBe('2020-05-20T03:30:00.000Z');
    expect(first.summary).toContain('研讨会；逗号, 反斜杠\\');
    expect(first.summary).toContain('😀');
    expect(first.description).toBe('第一行\n第二行');
    expect(second.startDate.toJSDate().toISOString()).toBe('2020-10-13T07:00:00.000Z');
  });
});
