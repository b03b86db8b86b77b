/**
 * `pnpm bench --hugo <hugo-anchor.py>`: the anchor the whole build is compared with, in the same
 * run on the same machine: the same N stories as a Hugo site of the same page families (the
 * anchor script writes it, without Hugo's related-content list), built by the `hugo` on PATH.
 * Wall-clock and CPU seconds and peak memory as GNU time reports them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

export function hugoAnchor(script: string, storyCount: number, dir: string) {
  rmSync(dir, { recursive: true, force: true });
  execFileSync('python3', [script, String(storyCount), dir, '--no-related'], { stdio: 'inherit' });
  const version = execFileSync('hugo', ['version'], { encoding: 'utf8' }).trim();
  const run = spawnSync('/usr/bin/time', ['-f', 'HUGO-TIME %e %U %S %M', 'hugo', '--quiet'], { cwd: dir, encoding: 'utf8' });
  // GNU time's line, last on stderr: elapsed, user and system seconds, peak RSS in KiB.
  const [, elapsed, user, system, peakKiB] = /HUGO-TIME (\S+) (\S+) (\S+) (\S+)/.exec(run.stderr) ?? [];
  if (run.status !== 0 || elapsed === undefined) throw new Error(`hugo failed (${run.status}): ${run.stderr}`);
  const files = readdirSync(path.join(dir, 'public'), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
  rmSync(dir, { recursive: true, force: true });
  return {
    version,
    seconds: Number(elapsed),
    cpuSeconds: Number(user) + Number(system),
    peakRssBytes: Number(peakKiB) * 1024,
    files,
  };
}
