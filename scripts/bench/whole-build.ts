/**
 * The publisher's start-up build, a whole one (every page, feed, search shard, check and
 * compressed copy), timed from its own record, with the peak memory and the CPU time of the
 * publisher's process tree (the renderer's worker and Pagefind's service included).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { PublisherProcess } from '@campaign-desk/publisher/process';
import { treeCpuSeconds, treeRss } from './process-tree';
import { sleep } from './progress';
import type { Status } from './publish-latency';

const du = (dir: string) => Number(execFileSync('du', ['-sbL', dir], { encoding: 'utf8' }).split('\t')[0]);

export async function measureWholeBuild(publisher: PublisherProcess, status: () => Promise<Status | null>, dataDir: string) {
  let peak = 0;
  let peakAt = 0;
  let cpuSeconds = 0;
  const started = performance.now();
  let whole: Status['recent'][number] | undefined;
  // Until the start-up build is recorded: other builds (the seed's publish events reaching
  // the hook) queue behind it.
  while (!whole) {
    if (!publisher.running) throw new Error(`the publisher exited:\n${publisher.output}`);
    const rss = treeRss(publisher.pid!);
    if (rss > peak) [peak, peakAt] = [rss, (performance.now() - started) / 1000];
    cpuSeconds = Math.max(cpuSeconds, treeCpuSeconds(publisher.pid!));
    whole = (await status())?.recent.find((build) => build.reasons.includes('start-up'));
    if (!whole) await sleep(100);
  }
  if (!whole.ok) throw new Error(`the start-up build failed: ${whole.error}`);
  // Every poster is drawn in the start-up build (sync.posters); none was on disk before it.
  const posters = readdirSync(path.join(dataDir, 'live', 'media')).filter((name) => name.startsWith('poster-')).length;
  const postersMs = whole.timings['sync.posters'] ?? 0;
  return {
    wholeBuild: {
      seconds: whole.durationMs / 1000,
      pages: whole.pages,
      rendered: whole.rendered,
      timings: whole.timings,
      renderRate: whole.rendered / (whole.timings.render! / 1000),
      peakRssBytes: peak,
      // Seconds from the publisher's start: against the build's timings, the step the peak fell in.
      peakAtSeconds: peakAt,
      // The publisher's start-up (compiling nothing: the site was compiled before) and the build.
      cpuSeconds,
      outputBytes: du(path.join(dataDir, 'live')),
    },
    posters: { count: posters, ms: postersMs, msPerPoster: postersMs / Math.max(1, posters) },
  };
}
