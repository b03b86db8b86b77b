/**
 * Counts every instance of the CMS shares, kept in a table of the plugin's own
 * (`campaign_desk_counters`, no content type: never in the snapshot, an export or a transfer),
 * so N instances behind a load balancer give one allowance, not N. Three uses:
 *
 * - `take` / `giveBack`: an allowance of `max` per `windowMs`, per subject (rate limits). The
 *   window slides: the previous fixed window's count weighs by how much of it still overlaps
 *   (Cloudflare's "sliding window counter"), so there is no double burst at a window's edge.
 *   A refusal is one read by primary key; a take, that read and one conditional upsert.
 * - `firstTime`: whether a subject is seen for the first time in a period ("has this reader
 *   liked this item today?"), one insert that does nothing on a repeat.
 * - `add` / `totals`: a running total kept for good (a like count).
 *
 * Each is a single atomic statement (`INSERT … ON CONFLICT … DO UPDATE … RETURNING`, the same
 * on PostgreSQL and SQLite ≥ 3.35) on Strapi's connection, outside any transaction: a count is
 * not rolled back with a write that failed later (call `giveBack` for that). Do not call it
 * inside `strapi.db.transaction` on SQLite: its one connection is held by that transaction.
 * Rows whose time is over are deleted in bounded batches (`sweep`, every minute).
 */
import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { defineService } from '../../utils';

export const COUNTERS_TABLE = 'campaign_desk_counters';

/** At most `max` in any `windowMs`. */
export type Allowance = { max: number; windowMs: number };
/** Fixed periods of `periodMs`, starting `offsetMs` before each multiple of it since the epoch. */
export type Period = { periodMs: number; offsetMs?: number };
/** What `take` counted, for `giveBack`. */
export type Ticket = { counter: string; subject: string; windowStart: number };
export type Verdict = { ok: true; ticket: Ticket } | { ok: false; retryAfterSeconds: number };

const DAY_MS = 24 * 60 * 60 * 1000;
/** A calendar day in China (UTC+8, no daylight saving): resets at midnight in 咸宁. */
export const CHINA_DAY: Period = { periodMs: DAY_MS, offsetMs: -8 * 60 * 60 * 1000 };

const SWEEP_EVERY_MS = 60_000;
/** Rows one delete removes, and batches one sweep runs at most: a backlog is worked off over several minutes, never in one long lock. */
const SWEEP_BATCH = 1000;
const SWEEP_BATCHES = 10;
const COUNTER_NAME = /^[a-z][a-z0-9:_-]{0,47}$/i;
/** Longer subjects are stored by their SHA-256, so any subject fits the key's column. */
const SUBJECT_CHARS = 190;

/** A row as the driver hands it back: PostgreSQL's bigint and count arrive as strings. */
type Row = { window_start: string | number; tally: string | number };

/** knex.raw's result: rows on better-sqlite3, `{ rows }` on pg. */
function rowsOf(result: unknown): Row[] {
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) ?? [];
}

function keyOf(counter: string, subject: string): [string, string] {
  if (!COUNTER_NAME.test(counter)) throw new Error(`counter name ${JSON.stringify(counter)}: letters, digits, :, _ and - (at most 48)`);
  const stored = subject.length > SUBJECT_CHARS ? `sha256:${createHash('sha256').update(subject).digest('hex')}` : subject;
  return [counter, stored];
}

/**
 * Seconds until the sliding count lets one more in: within this window once the previous one
 * has slid far enough out, or else in the next, once this window (then the previous) has.
 */
function retryAfter({ max, windowMs }: Allowance, start: number, previous: number, current: number, now: number): number {
  let at: number;
  if (current + 1 <= max && previous > 0) at = start + windowMs * (1 - (max - 1 - current) / previous);
  else at = start + windowMs + (current > 0 ? windowMs * Math.max(0, 1 - (max - 1) / current) : 0);
  return Math.max(1, Math.ceil((at - now) / 1000));
}

export default defineService('counters', ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection as unknown as Knex;
  let timer: NodeJS.Timeout | undefined;
  let sweeping: Promise<unknown> | undefined;

  async function sweep(now = Date.now()): Promise<number> {
    let deleted = 0;
    for (let batch = 0; batch < SWEEP_BATCHES; batch += 1) {
      const gone = await knex()(COUNTERS_TABLE)
        .whereIn(
          ['counter', 'subject', 'window_start'],
          knex()(COUNTERS_TABLE).select('counter', 'subject', 'window_start').where('expires_at', '<=', now).limit(SWEEP_BATCH),
        )
        .delete();
      deleted += gone;
      if (gone < SWEEP_BATCH) break;
    }
    return deleted;
  }

  return {
    /** Creates the table on start-up if it is not there (two instances starting at once: one makes it). */
    async ensureTable(): Promise<void> {
      const schema = knex().schema;
      if (await schema.hasTable(COUNTERS_TABLE)) return;
      try {
        await schema.createTable(COUNTERS_TABLE, (table) => {
          table.string('counter', 48).notNullable();
          table.string('subject', 200).notNullable();
          // Milliseconds since the epoch; 0 for a running total.
          table.bigInteger('window_start').notNullable();
          table.integer('tally').notNullable();
          // Null: kept for good.
          table.bigInteger('expires_at').nullable().index();
          table.primary(['counter', 'subject', 'window_start']);
        });
      } catch (error) {
        if (!(await schema.hasTable(COUNTERS_TABLE))) throw error;
      }
    },

    /** Counts one for `subject` if its allowance has room; otherwise says when it will. */
    async take(counter: string, subject: string, allowance: Allowance, now = Date.now()): Promise<Verdict> {
      const [name, key] = keyOf(counter, subject);
      const { max, windowMs } = allowance;
      const start = now - (now % windowMs);
      const rows = rowsOf(
        await knex().raw('select window_start, tally from ?? where counter = ? and subject = ? and window_start in (?, ?)', [
          COUNTERS_TABLE,
          name,
          key,
          start - windowMs,
          start,
        ]),
      );
      const tallyAt = (at: number) => Number(rows.find((row) => Number(row.window_start) === at)?.tally ?? 0);
      const previous = tallyAt(start - windowMs);
      const current = tallyAt(start);
      // How many this window may hold before this one: max − 1 − what still counts of the last.
      const room = Math.floor(max - 1 - previous * (1 - (now - start) / windowMs) + 1e-9);
      if (current > room) return { ok: false, retryAfterSeconds: retryAfter(allowance, start, previous, current, now) };
      const taken = rowsOf(
        await knex().raw(
          `insert into ?? (counter, subject, window_start, tally, expires_at) values (?, ?, ?, 1, ?)
           on conflict (counter, subject, window_start) do update set tally = ??.tally + 1 where ??.tally <= ?
           returning tally`,
          [COUNTERS_TABLE, name, key, start, start + 2 * windowMs, COUNTERS_TABLE, COUNTERS_TABLE, room],
        ),
      );
      // Others took the room between the read and the write.
      if (taken.length === 0) return { ok: false, retryAfterSeconds: retryAfter(allowance, start, previous, room + 1, now) };
      return { ok: true, ticket: { counter: name, subject: key, windowStart: start } };
    },

    /** Gives back what `take` counted, when what it admitted was turned away later (so a refusal costs no one their turn). */
    async giveBack(ticket: Ticket): Promise<void> {
      await knex()(COUNTERS_TABLE)
        .where({ counter: ticket.counter, subject: ticket.subject, window_start: ticket.windowStart })
        .andWhere('tally', '>', 0)
        .decrement('tally', 1);
    },

    /** True the first time `subject` is seen in the current period, false on every repeat in it. */
    async firstTime(counter: string, subject: string, { periodMs, offsetMs = 0 }: Period, now = Date.now()): Promise<boolean> {
      const [name, key] = keyOf(counter, subject);
      const start = Math.floor((now - offsetMs) / periodMs) * periodMs + offsetMs;
      const inserted = rowsOf(
        await knex().raw(
          `insert into ?? (counter, subject, window_start, tally, expires_at) values (?, ?, ?, 1, ?)
           on conflict (counter, subject, window_start) do nothing returning tally`,
          [COUNTERS_TABLE, name, key, start, start + periodMs],
        ),
      );
      return inserted.length > 0;
    },

    /**
     * True for the one caller that claims `subject` first; false for every other, on any
     * instance, until `untilMs` has passed and the claim is swept (a solved challenge, spent once).
     */
    async claim(counter: string, subject: string, untilMs: number): Promise<boolean> {
      const [name, key] = keyOf(counter, subject);
      const inserted = rowsOf(
        await knex().raw(
          `insert into ?? (counter, subject, window_start, tally, expires_at) values (?, ?, 0, 1, ?)
           on conflict (counter, subject, window_start) do nothing returning tally`,
          [COUNTERS_TABLE, name, key, untilMs],
        ),
      );
      return inserted.length > 0;
    },

    /** Lets go of a claim, when what it admitted was turned away later. */
    async release(counter: string, subject: string): Promise<void> {
      const [name, key] = keyOf(counter, subject);
      await knex()(COUNTERS_TABLE).where({ counter: name, subject: key, window_start: 0 }).delete();
    },

    /** Adds `by` (may be negative) to a running total kept for good; the new total. */
    async add(counter: string, subject: string, by = 1): Promise<number> {
      const [name, key] = keyOf(counter, subject);
      const [row] = rowsOf(
        await knex().raw(
          `insert into ?? (counter, subject, window_start, tally, expires_at) values (?, ?, 0, ?, null)
           on conflict (counter, subject, window_start) do update set tally = ??.tally + excluded.tally
           returning tally`,
          [COUNTERS_TABLE, name, key, by, COUNTERS_TABLE],
        ),
      );
      return Number(row!.tally);
    },

    /** The running totals of these subjects (0 for one never added to). */
    async totals(counter: string, subjects: string[]): Promise<Map<string, number>> {
      const keys = new Map(subjects.map((subject) => [keyOf(counter, subject)[1], subject]));
      const stored = [...keys.keys()];
      const found = new Map<string, number>();
      // In slices, so a long list stays within a statement's bound parameters.
      for (let index = 0; index < stored.length; index += 500) {
        const rows = (await knex()(COUNTERS_TABLE)
          .select('subject', 'tally')
          .where({ counter, window_start: 0 })
          .whereIn('subject', stored.slice(index, index + 500))) as Array<{ subject: string; tally: string | number }>;
        for (const row of rows) found.set(keys.get(row.subject)!, Number(row.tally));
      }
      return new Map(subjects.map((subject) => [subject, found.get(subject) ?? 0]));
    },

    /** Every running total of a counter above zero, by subject (as stored: a subject longer than 190 characters by its hash). */
    async everyTotal(counter: string): Promise<Map<string, number>> {
      const [name] = keyOf(counter, '');
      const rows = (await knex()(COUNTERS_TABLE)
        .select('subject', 'tally')
        .where({ counter: name, window_start: 0 })
        .andWhere('tally', '>', 0)) as Array<{
        subject: string;
        tally: string | number;
      }>;
      return new Map(rows.map((row) => [row.subject, Number(row.tally)]));
    },

    /** Deletes rows whose time is over, at most SWEEP_BATCH × SWEEP_BATCHES; how many. */
    sweep,

    /** Sweeps every minute (each instance; a delete of what another already deleted is nothing). */
    start(): void {
      timer = setInterval(() => {
        sweeping = sweep().catch((error: Error) => strapi.log.error(`[campaign-desk] sweeping old counts failed: ${error.message}`));
      }, SWEEP_EVERY_MS).unref();
    },

    async stop(): Promise<void> {
      clearInterval(timer);
      await sweeping;
    },

    /** Forgets every count of these counters (tests). */
    async reset(counters: string[]): Promise<void> {
      await knex()(COUNTERS_TABLE).whereIn('counter', counters).delete();
    },
  };
});
