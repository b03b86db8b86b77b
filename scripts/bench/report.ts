/** What `pnpm bench` prints and keeps: a table of its figures, and .bench/results-<N>.json. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../lib/paths';
import type { storyPageWeight } from './page-weight';
import type { benchParticipation } from './participation';
import type { benchQuiz } from './quiz';
import type { benchLikes } from './likes';

type Latency = Record<string, { p50Seconds: number; p95Seconds: number; all: number[] }>;

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const seconds = (ms: number) => (ms / 1000).toFixed(1);

/** Prints the figures `results` holds and writes them to `file`. */
export function report(results: Record<string, unknown>, { only, file }: { only: string | undefined; file: string }): void {
  const seeding = results.seeding as { perSecond: number } | { from: string };
  const snapshot = results.snapshot as { seconds: number; records: number };
  const figuresOfTheCms: Record<string, string> =
    'from' in seeding
      ? { 'seeding (stories/s)': `none: from a ${seeding.from} of ${snapshot.records} records` }
      : {
          'seeding (stories/s)': seeding.perSecond.toFixed(1),
          'snapshot export (s)': `${snapshot.seconds.toFixed(1)} for ${snapshot.records} records`,
          ...(only === 'site' || only === 'live' ? {} : figuresOfTheForms()),
        };
  if (only === 'cms') {
    console.table(figuresOfTheCms);
    write();
    return;
  }
  const compile = results.compile as { seconds: number };
  const whole = results.wholeBuild as {
    seconds: number;
    pages: number;
    rendered: number;
    renderRate: number;
    peakRssBytes: number;
    peakAtSeconds: number;
    cpuSeconds: number;
    outputBytes: number;
    timings: Record<string, number>;
  };
  const latency = results.latency as Latency | undefined;
  const hugo = results.hugo as { seconds: number; cpuSeconds: number; peakRssBytes: number; files: number; version: string } | undefined;
  const page = results.storyPage as Awaited<ReturnType<typeof storyPageWeight>>;
  const t = whole.timings;
  console.table({
    ...figuresOfTheCms,
    'compile (s, once per template version)': compile.seconds.toFixed(1),
    'whole build (s)': `${whole.seconds.toFixed(1)}: sync ${seconds(t.sync!)}, render+write+check+compress ${seconds(t.render!)} for ${whole.rendered} files (${Math.round(whole.renderRate)}/s), search ${seconds(t.search!)} (beside the render), finish ${seconds(t.finish!)}, release made and switched ${seconds(t.switch!)}`,
    'whole build peak memory (MB)': `${mb(whole.peakRssBytes)}, ${whole.peakAtSeconds.toFixed(0)} s after the publisher started`,
    'whole build CPU (s, publisher process tree from its start)': whole.cpuSeconds.toFixed(1),
    ...(hugo
      ? {
          'Hugo, same stories, same run (s)': `${hugo.seconds.toFixed(1)} wall, ${hugo.cpuSeconds.toFixed(1)} CPU, ${mb(hugo.peakRssBytes)} MB peak, ${hugo.files} files (${hugo.version.split(' ')[1]}, --no-related)`,
        }
      : {}),
    'release size (MB)': mb(whole.outputBytes),
    '分享海报 drawn in the whole build (ms per poster)': `${(results.posters as { msPerPoster: number }).msPerPoster.toFixed(0)} (${(results.posters as { count: number }).count} posters, ${seconds((results.posters as { ms: number }).ms)} s, two at a time)`,
    'story page (bytes: HTML / brotli)': `${page.htmlBytes} / ${page.brotliBytes}, inline script ${page.inlineScriptBytes} (听 loader ${page.listenLoaderBytes}, button ${page.listenButtonBytes}), ${page.externalScripts} script files; without 听 ${page.withoutListen.htmlBytes} / ${page.withoutListen.brotliBytes}; on pressing 听, listen.js ${page.readerOnPressBytes} / ${page.readerOnPressBrotliBytes}`,
    ...(latency ? figuresOfThePublishes(latency) : {}),
    ...figuresOfTheLive(),
  });
  write();

  /** Publishes, edits and withdrawals through the outbox (bench/publish-latency.ts). */
  function figuresOfThePublishes(latency: Latency): Record<string, string> {
    return {
      'publish → served, in column feed p50 / p95 (s)': `${latency.publish!.p50Seconds.toFixed(2)} / ${latency.publish!.p95Seconds.toFixed(2)}`,
      'edit → page updated p50 / p95 (s)': `${latency.edit!.p50Seconds.toFixed(2)} / ${latency.edit!.p95Seconds.toFixed(2)}`,
      'unpublish → 404, out of every feed p50 / p95 (s)': `${latency.unpublish!.p50Seconds.toFixed(2)} / ${latency.unpublish!.p95Seconds.toFixed(2)}`,
      'the publishes in order (s)': latency.publish!.all.map((value) => value.toFixed(2)).join(', '),
    };
  }

  /** 图文直播: an approval until an open page shows it (bench/live.ts). */
  function figuresOfTheLive(): Record<string, string> {
    const live = results.live as
      | { p50Seconds: number; p95Seconds: number; rendered: Array<number | null>; builds: Array<{ ms: number; planMs: number } | null> }
      | undefined;
    if (!live) return {};
    return {
      'live entry approved → on an open page p50 / p95 (s)': `${live.p50Seconds.toFixed(2)} / ${live.p95Seconds.toFixed(2)}`,
      'live: files rendered per approval': live.rendered.join(', '),
      'live: each approval’s build, ms (its plan)': live.builds.map((build) => (build ? `${build.ms} (${build.planMs})` : '?')).join(', '),
    };
  }

  /** The statistics and the public forms' figures. */
  function figuresOfTheForms(): Record<string, string> {
    const statistics = results.statistics as { stories: number; p50Seconds: number; maxSeconds: number; xlsxSeconds: number };
    const { proof, manyAddresses, oneAddress } = results.participation as Awaited<ReturnType<typeof benchParticipation>>;
    const flood = (run: typeof oneAddress) =>
      `${run.posts} in ${run.seconds.toFixed(1)} s (${Math.round(run.perSecond)}/s): ${run.taken} taken, ${run.refused} refused with 429${run.reset > 0 ? ` and ${run.reset} reset (listen queue full)` : ''} (p50 ${run.refusedP50Ms.toFixed(0)} ms, p95 ${run.refusedP95Ms.toFixed(0)} ms); admin API p50 ${run.adminP50Ms.toFixed(0)} ms, max ${run.adminMaxMs.toFixed(0)} ms`;
    return {
      'statistics API p50 / max (s)': `${statistics.p50Seconds.toFixed(2)} / ${statistics.maxSeconds.toFixed(2)} over ${statistics.stories} stories, ${String(results.placements)} placements`,
      'statistics xlsx export (s)': statistics.xlsxSeconds.toFixed(2),
      'proof of work: challenge / solve (Node, one thread) / verify (ms)': `${proof.challengeMs.toFixed(0)} / ${proof.solveMs.toFixed(0)} / ${proof.verifyMs.toFixed(1)}`,
      [`flood from ${manyAddresses.addresses} addresses (lanes decide)`]: flood(manyAddresses),
      'flood from one address (the gate decides)': flood(oneAddress),
      ...(results.quiz ? figuresOfTheQuiz(flood) : {}),
      ...(results.likes ? figuresOfTheLikes(flood) : {}),
    };
  }

  /** 知识竞答's answers under a flood: the lanes deciding, and every answer checked and kept. */
  function figuresOfTheQuiz(flood: (run: Awaited<ReturnType<typeof benchQuiz>>['oneAddress']) => string): Record<string, string> {
    const { manyAddresses, oneAddress, allTaken } = results.quiz as Awaited<ReturnType<typeof benchQuiz>>;
    return {
      [`quiz answers from ${manyAddresses.addresses} addresses (lanes decide)`]: flood(manyAddresses),
      'quiz answers from one address (the gate decides)': flood(oneAddress),
      'quiz answers, lanes opened (each scored and kept)': `${flood(allTaken)}; taken p50 ${allTaken.takenP50Ms.toFixed(0)} ms`,
    };
  }

  /** 点赞 under a flood: what the lanes let through and what it added to the count. */
  function figuresOfTheLikes(flood: (run: Awaited<ReturnType<typeof benchLikes>>['oneAddress']) => string): Record<string, string> {
    const { manyAddresses, oneAddress, allCounted, counts } = results.likes as Awaited<ReturnType<typeof benchLikes>>;
    return {
      [`likes from ${manyAddresses.addresses} addresses (lanes decide)`]: `${flood(manyAddresses)}; count +${manyAddresses.counted}`,
      'likes from one address (its lane decides)': `${flood(oneAddress)}; count +${oneAddress.counted}`,
      [`likes from ${allCounted.addresses} addresses, lanes opened (each counted)`]: `${flood(allCounted)}; taken p50 ${allCounted.takenP50Ms.toFixed(0)} ms; count +${allCounted.counted}`,
      'like counts read at once (from memory)': `${counts.answered}/${counts.reads} in ${counts.seconds.toFixed(1)} s, p50 ${counts.p50Ms.toFixed(0)} ms, p95 ${counts.p95Ms.toFixed(0)} ms`,
    };
  }

  function write() {
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`written to ${path.relative(repoRoot, file)}`);
  }
}
