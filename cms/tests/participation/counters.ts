import { describe, expect, it } from 'vitest';
import type countersService from '../../src/plugins/campaign-desk/server/src/counters/services/counters';
import { CHINA_DAY, COUNTERS_TABLE } from '../../src/plugins/campaign-desk/server/src/counters/services/counters';
import { cms, service } from './reader';

export function sharedCounters(): void {
  describe('the counters every instance shares', () => {
    const counters = () => service<ReturnType<typeof countersService>>('counters');
    const MINUTE = 60_000;
    /** The start of a window of a minute, some time ago. */
    const start = Math.floor(Date.now() / MINUTE) * MINUTE - 10 * MINUTE;
    const rows = async () => Number((await cms.strapi.db.connection(COUNTERS_TABLE).count({ n: '*' }).first())!.n);

    it('give `max` in a window, then refuse with the seconds until the last window has slid far enough out', async () => {
      const allowance = { max: 4, windowMs: MINUTE };
      const take = (at: number, subject = '203.0.113.9') => counters().take('test:slide', subject, allowance, at);
      for (let index = 0; index < 4; index += 1) expect((await take(start + 30_000)).ok).toBe(true);
      const refused = await take(start + 30_000);
      // Four taken at 0:30 weigh three at 1:15 (a quarter of their window slid out): one more then.
      expect(refused).toEqual({ ok: false, retryAfterSeconds: 45 });
      expect((await take(start + 30_000, '203.0.113.10')).ok).toBe(true);
      expect((await take(start + MINUTE + 14_000)).ok).toBe(false);
      expect((await take(start + MINUTE + 15_000)).ok).toBe(true);
      expect((await take(start + MINUTE + 15_000)).ok).toBe(false);
      // Two windows on, the first counts no more.
      for (let index = 0; index < 3; index += 1) expect((await take(start + 2 * MINUTE + 59_000)).ok).toBe(true);
    });

    it('take back what was given back, and count a subject longer than the column by its hash', async () => {
      const allowance = { max: 1, windowMs: MINUTE };
      const long = 'x'.repeat(1000);
      const taken = await counters().take('test:give-back', long, allowance, start);
      expect(taken.ok).toBe(true);
      expect((await counters().take('test:give-back', long, allowance, start)).ok).toBe(false);
      expect((await counters().take('test:give-back', `${long}y`, allowance, start)).ok).toBe(true);
      if (taken.ok) await counters().giveBack(taken.ticket);
      expect((await counters().take('test:give-back', long, allowance, start)).ok).toBe(true);
    });

    it('let exactly `max` of many concurrent takes through', async () => {
      const now = Date.now();
      const verdicts = await Promise.all(
        Array.from({ length: 60 }, () => counters().take('test:race', 'one', { max: 25, windowMs: 10 * MINUTE }, now)),
      );
      expect(verdicts.filter((verdict) => verdict.ok)).toHaveLength(25);
    });

    it('say whether a subject is seen for the first time today in China, and keep running totals', async () => {
      // 15:59 UTC is 23:59 in 咸宁; a minute later it is another day there.
      const evening = Date.UTC(2026, 11, 7, 15, 59);
      const firstTime = (at: number, subject = 'reader-1:story-9') => counters().firstTime('test:like', subject, CHINA_DAY, at);
      expect(await firstTime(evening)).toBe(true);
      expect(await firstTime(evening + 30_000)).toBe(false);
      expect(await firstTime(evening, 'reader-2:story-9')).toBe(true);
      expect(await firstTime(evening - 16 * 60 * MINUTE)).toBe(false);
      expect(await firstTime(evening + MINUTE)).toBe(true);

      expect(await counters().add('test:likes', 'story-9')).toBe(1);
      expect(await counters().add('test:likes', 'story-9', 2)).toBe(3);
      expect(await counters().add('test:likes', 'story-9', -1)).toBe(2);
      const totals = await counters().totals('test:likes', ['story-9', 'story-10']);
      expect([...totals]).toEqual([
        ['story-9', 2],
        ['story-10', 0],
      ]);
    });

    it('delete rows whose time is over in bounded batches, and keep the rest', async () => {
      await counters().reset(['test:sweep']);
      const before = await rows();
      const old = start - 60 * MINUTE;
      await Promise.all(
        Array.from({ length: 1500 }, (_, index) => counters().firstTime('test:sweep', `s${index}`, { periodMs: MINUTE }, old)),
      );
      await counters().firstTime('test:sweep', 'now', { periodMs: 60 * MINUTE });
      await counters().add('test:sweep', 'for good');
      expect(await rows()).toBe(before + 1502);
      expect(await counters().sweep(start)).toBeGreaterThanOrEqual(1500);
      expect(await rows()).toBeLessThanOrEqual(before + 2);
      expect(await counters().firstTime('test:sweep', 'now', { periodMs: 60 * MINUTE })).toBe(false);
      expect((await counters().totals('test:sweep', ['for good'])).get('for good')).toBe(1);
    });
  });
}
