/**
 * The hook's memory of accepted events on disk: a new store on the same file (a restarted
 * publisher) refuses what the old one took; expired ids are forgotten; the file stays bounded;
 * a damaged file starts afresh rather than stopping the hook. (The end-to-end suite kills the
 * real publisher and replays a delivered event to it.)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { fileReplayStore } from '../src/replay-store';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'publisher-seen-'));
  file = path.join(dir, 'seen-events.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('refuses after a restart an id accepted before it', () => {
  expect(fileReplayStore(file).remember('event-1', 1600, 1000)).toBe(true);
  const restarted = fileReplayStore(file);
  expect(restarted.remember('event-1', 1600, 1100)).toBe(false);
  expect(restarted.remember('event-2', 1700, 1100)).toBe(true);
});

it('forgets ids whose signatures can no longer pass', () => {
  const store = fileReplayStore(file);
  store.remember('old', 1300, 1000);
  store.remember('new', 2000, 1400);
  expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')))).toEqual(['new']);
});

it('keeps at most maxIds, dropping the oldest', () => {
  const store = fileReplayStore(file, { maxIds: 3 });
  for (let n = 0; n < 5; n++) store.remember(`event-${n}`, 2000 + n, 1000);
  expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')))).toEqual(['event-2', 'event-3', 'event-4']);
  expect(fileReplayStore(file, { maxIds: 3 }).remember('event-4', 2010, 1001)).toBe(false);
});

it('starts afresh from a damaged file, and says so', () => {
  writeFileSync(file, '{"event-1": "tomorrow"');
  const lines: string[] = [];
  const store = fileReplayStore(file, { log: (line) => lines.push(line) });
  expect(lines[0]).toContain('unreadable');
  expect(store.remember('event-1', 1600, 1000)).toBe(true);
  expect(fileReplayStore(file).remember('event-1', 1600, 1000)).toBe(false);
});
