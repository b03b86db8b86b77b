/**
 * `pnpm test`: every package's tests, one package at a time, then a check that they left
 * nothing behind: no process a test started still running on its own (its parent gone), no
 * temporary directory a test made. Only what appeared during this run counts.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { repoRoot } from './lib/paths';

/** The prefixes of the temporary directories the tests make (mkdtemp), and Chromium's profiles. */
const TEMPORARY = /^(campaign-|publisher-test-|playwright_chromiumdev_profile-)/;

function temporaries(): Set<string> {
  return new Set(readdirSync(tmpdir()).filter((name) => TEMPORARY.test(name)));
}

/** Processes of this checkout whose parent is gone (PPID 1): what a test forgot to stop. */
function orphans(): Map<number, string> {
  const listing = spawnSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' }).stdout;
  const found = new Map<number, string>();
  for (const line of listing.split('\n')) {
    const match = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
    if (match && match[2] === '1' && match[3]!.includes(repoRoot)) found.set(Number(match[1]), match[3]!);
  }
  return found;
}

const beforeDirs = temporaries();
const beforeProcesses = orphans();
const run = spawnSync('pnpm', ['-r', '--workspace-concurrency=1', 'test'], { cwd: repoRoot, stdio: 'inherit' });

const leftDirs = [...temporaries()].filter((name) => !beforeDirs.has(name));
const leftProcesses = [...orphans()].filter(([pid]) => !beforeProcesses.has(pid));
if (leftDirs.length > 0 || leftProcesses.length > 0) {
  console.error('\nThe tests left things behind:');
  for (const name of leftDirs) console.error(`  temporary directory ${tmpdir()}/${name}`);
  for (const [pid, args] of leftProcesses) console.error(`  process ${pid}: ${args.slice(0, 160)}`);
  process.exitCode = 1;
}
if (run.status !== 0) process.exitCode = run.status ?? 1;
