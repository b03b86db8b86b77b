/**
 * The 分享海报 the test builds of one run share. A build from an empty media directory draws
 * every poster (sharp, tens of milliseconds each, ~160 for the fixture); a poster's file is
 * named by everything it shows (site/src/snapshot/posters.ts), so one drawn by a build is the
 * right file for any later build that shows the same. A suite's global setup makes the cache
 * (`makePosterCache`) and removes it whatever the tests did; a test's build starts with the
 * cached posters in its media directory (`reusePosters`) and leaves its own there (`keepPosters`).
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Where the cache is: set by the global setup, read by the test files' workers (they start after it). */
const CACHE = 'CAMPAIGN_DESK_TEST_POSTER_CACHE';
const POSTER = /^poster-[0-9a-f]+\.jpg$/;

/** Makes the run's cache; returns what removes it (the global setup's teardown). */
export function makePosterCache(): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), 'campaign-posters-'));
  process.env[CACHE] = dir;
  return () => {
    rmSync(dir, { recursive: true, force: true });
    delete process.env[CACHE];
  };
}

/** Links every poster of `from` that `to` lacks into `to` (a copy where a link cannot be made). */
function share(from: string | undefined, to: string | undefined): void {
  if (!from || !to || !existsSync(from)) return;
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    if (!POSTER.test(name) || existsSync(path.join(to, name))) continue;
    try {
      linkSync(path.join(from, name), path.join(to, name));
    } catch {
      copyFileSync(path.join(from, name), path.join(to, name));
    }
  }
}

/** Before a build into `mediaDir`: the posters drawn so far this run (none without a cache). */
export function reusePosters(mediaDir: string): void {
  share(process.env[CACHE], mediaDir);
}

/** After a build into `mediaDir`: its posters, for the builds after it. */
export function keepPosters(mediaDir: string): void {
  share(mediaDir, process.env[CACHE]);
}
