/**
 * The event ids the build hook has accepted, kept on disk in the publisher's data directory
 * so that a restarted publisher (killed, or moved to a new process by systemd) still answers a
 * replayed event as one. An id is kept only while its signature could still pass the
 * verifier's timestamp window, and at most `maxIds` of them (the oldest go first), so the file
 * stays a few hundred kilobytes at worst; an id pushed out early can at most cost one extra
 * build, never a wrong one.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import type { ReplayStore } from '@campaign-desk/shared';

/** The file: event id → unix second until which it is refused. */
const seenSchema = z.record(z.string(), z.number());

export const MAX_SEEN_IDS = 5000;

function load(file: string, log: (line: string) => void): Map<string, number> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return new Map();
  }
  const parsed = seenSchema.safeParse(
    (() => {
      try {
        return JSON.parse(text);
      } catch {
        return null;
      }
    })(),
  );
  // A damaged file must not stop the hook: at worst a replay within the window is built again.
  if (!parsed.success) {
    log(`the seen events in ${file} are unreadable and are started afresh`);
    return new Map();
  }
  return new Map(Object.entries(parsed.data).sort(([, a], [, b]) => a - b));
}

/**
 * `remember` is synchronous (read, decide, write in one turn of the event loop), so it is
 * atomic within the publisher; the file is replaced by a rename, so a kill leaves the old
 * list or the new one, never half of one.
 */
export function fileReplayStore(
  file: string,
  { maxIds = MAX_SEEN_IDS, log = () => {} }: { maxIds?: number; log?: (line: string) => void } = {},
): ReplayStore {
  const expiries = load(file, log);
  return {
    remember(id, expiresAt, now) {
      for (const [known, expiry] of expiries) if (expiry < now) expiries.delete(known);
      if (expiries.has(id)) return false;
      expiries.set(id, expiresAt);
      for (const known of expiries.keys()) {
        if (expiries.size <= maxIds) break;
        expiries.delete(known);
      }
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(Object.fromEntries(expiries)));
      renameSync(temporary, file);
      return true;
    },
  };
}
