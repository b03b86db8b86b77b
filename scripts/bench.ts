/**
 * `pnpm bench [--stories 1000] [--samples 10] [--only cms|site|live]`: figures, no verdicts.
 *
 * Generates N stories through the plugin into a database of its own (a fresh SQLite file
 * under .bench/ by default; PostgreSQL when DATABASE_CLIENT=postgres), exports the full
 * snapshot, compiles the site, then starts the publisher as a process of its own and
 * measures its start-up build (a whole one: every page, feed, search shard, check and
 * compressed copy, with the peak memory of the publisher's process tree), and then the
 * latency of publishes, edits and withdrawals through the outbox, the signed hook and an
 * incremental release, each until a reader sees it, and of a 图文直播's entries, each approval until
 * a page open in Chromium shows it (bench/live.ts). The statistics API (统计) is timed as
 * the chief editor's page calls it, with verified placements for one story in twenty.
 * `--only cms` stops after the CMS's figures (seeding, snapshot, statistics); `--only site` skips
 * the statistics and the public forms (the site's figures alone, after seeding); `--only live`
 * skips those and the publish latencies too (the whole build, then the 图文直播's approvals).
 * Prints a table and writes .bench/results-<N>.json.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PublisherProcess } from '@campaign-desk/publisher/process';
import { compileSite, siteFingerprint } from '@campaign-desk/site/renderer';
import { PLUGIN_ID, UID } from 'strapi-plugin-campaign-desk/names';
import { exportSnapshot, measureStatistics, seedPlacements, seedStories } from './bench/cms-figures';
import { storyPageWeight } from './bench/page-weight';
import { benchParticipation } from './bench/participation';
import { benchQuiz } from './bench/quiz';
import { treeRss } from './bench/process-tree';
import { sleep, step } from './bench/progress';
import { measurePublishLatency, type Status } from './bench/publish-latency';
import { benchLive } from './bench/live';
import { report } from './bench/report';
import { bootCms } from './lib/cms';
import { loadEnv } from './lib/env';
import { repoRoot } from './lib/paths';

const { values } = parseArgs({
  options: {
    stories: { type: 'string', default: '1000' },
    samples: { type: 'string', default: '10' },
    batch: { type: 'string', default: '250' },
    only: { type: 'string' },
  },
});
const storyCount = Number(values.stories);
const samples = Number(values.samples);
const benchDir = path.join(repoRoot, '.bench');
const siteDir = path.join(repoRoot, 'site');

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createNetServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

function du(dir: string): Promise<number> {
  return import('node:child_process').then(({ execFileSync }) =>
    Number(execFileSync('du', ['-sbL', dir], { encoding: 'utf8' }).split('\t')[0]),
  );
}

async function main() {
  loadEnv();
  mkdirSync(benchDir, { recursive: true });
  const postgres = process.env.DATABASE_CLIENT === 'postgres';
  if (!postgres) {
    const file = path.join(benchDir, `bench-${storyCount}.db`);
    rmSync(file, { force: true });
    process.env.DATABASE_FILENAME = file;
  }
  const [cmsPort, sitePort, controlPort] = [await freePort(), await freePort(), await freePort()];
  const hookSecret = randomBytes(24).toString('base64url');
  const publisherToken = randomBytes(24).toString('base64url');
  const siteUrl = `http://127.0.0.1:${sitePort}`;
  const controlUrl = `http://127.0.0.1:${controlPort}`;
  process.env.CAMPAIGN_DESK_BUILD_HOOKS = JSON.stringify([{ name: 'bench', url: `${controlUrl}/hooks/publish`, secret: hookSecret }]);
  process.env.LOG_LEVEL = 'error';
  // The CMS takes the public forms from the site the bench serves.
  process.env.SITE_URL = siteUrl;

  const cms = await bootCms({ port: cmsPort });
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: { cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    database: postgres ? 'postgres' : 'sqlite',
  };
  const finish = () =>
    report(results, {
      only: values.only,
      file: path.join(benchDir, `results-${storyCount}${values.only ? `-${values.only}` : ''}.json`),
    });
  let publisher: PublisherProcess | null = null;
  try {
    step(`Seeding ${storyCount} stories through the plugin (${results.database})`);
    results.seeding = await seedStories(cms.strapi, storyCount, Number(values.batch));

    const token = (
      (await cms.strapi.service('admin::api-token').create({ name: `bench-${Date.now()}`, type: 'read-only', lifespan: null })) as {
        accessKey: string;
      }
    ).accessKey;
    step('Exporting the full snapshot');
    results.snapshot = await exportSnapshot(cms.url, token);

    if (values.only !== 'site' && values.only !== 'live') {
      step('Timing the statistics (统计) over the whole campaign');
      results.placements = await seedPlacements(cms.strapi);
      results.statistics = await measureStatistics(cms.strapi, cms.url);
      step('Public participation: the proof of work at its default cost, and a flood of 1,000 plain-form posts from 200 addresses');
      results.participation = await benchParticipation(cms, siteUrl);
      step('知识竞答: floods of 1,000 plain-form answers from 200 addresses and from one, and 1,000 with the lanes opened');
      results.quiz = await benchQuiz(cms, siteUrl);
    }
    // The CMS's figures alone: reported before the CMS stops (finally, below).
    if (values.only === 'cms') return finish();

    step('Compiling the site (once per template version)');
    const compileStarted = performance.now();
    const fingerprint = await siteFingerprint(siteDir, siteUrl);
    rmSync(path.join(siteDir, '.compiled', fingerprint), { recursive: true, force: true });
    await compileSite(siteDir, siteUrl);
    results.compile = { seconds: (performance.now() - compileStarted) / 1000 };

    step('Starting the publisher: its start-up build renders the whole site');
    const dataDir = path.join(benchDir, 'publisher');
    rmSync(dataDir, { recursive: true, force: true });
    // A process of its own, so the memory measured is the publisher's.
    publisher = new PublisherProcess({
      PUBLISHER_HOST: '127.0.0.1',
      PUBLISHER_PORT: String(sitePort),
      PUBLISHER_CONTROL_PORT: String(controlPort),
      PUBLISHER_HOOK_SECRET: hookSecret,
      PUBLISHER_TOKEN: publisherToken,
      PUBLISHER_DATA_DIR: dataDir,
      PUBLISHER_KEEP_RELEASES: '2',
      SITE_URL: siteUrl,
      CAMPAIGN_DESK_SNAPSHOT_URL: `${cms.url}/api/campaign-desk/snapshot`,
      CAMPAIGN_DESK_TOKEN: token,
      CAMPAIGN_DESK_SNAPSHOT_FILE: '',
      // Every story here is generated (sample): a preview carries them in the feeds the run waits on.
      CAMPAIGN_DESK_PREVIEW: 'true',
    });
    publisher.start();
    const started = publisher;
    // The bench reads builds that ran, whose counts and timings are all filled in.
    const status = async () => (await started.status()) as Status | null;
    let peak = 0;
    let whole: Status['recent'][number] | undefined;
    // Until the start-up build is recorded: the seed's publish events, retried by the outbox,
    // reach the hook once the publisher is up and queue builds of their own behind it.
    while (!whole) {
      if (!publisher.running) throw new Error(`the publisher exited:\n${publisher.output}`);
      peak = Math.max(peak, treeRss(publisher.pid!));
      whole = (await status())?.recent.find((build) => build.reasons.includes('start-up'));
      if (!whole) await sleep(100);
    }
    if (!whole.ok) throw new Error(`the start-up build failed: ${whole.error}`);
    results.wholeBuild = {
      seconds: whole.durationMs / 1000,
      pages: whole.pages,
      rendered: whole.rendered,
      timings: whole.timings,
      renderRate: whole.rendered / (whole.timings.render! / 1000),
      peakRssBytes: peak,
      outputBytes: await du(path.join(dataDir, 'live')),
    };
    results.storyPage = await storyPageWeight(siteUrl, '/stories/bench-000001/');
    // Every poster is drawn in the start-up build (sync.posters); none was on disk before it.
    const posters = readdirSync(path.join(dataDir, 'live', 'media')).filter((name) => name.startsWith('poster-')).length;
    results.posters = {
      count: posters,
      ms: whole.timings['sync.posters'] ?? 0,
      msPerPoster: (whole.timings['sync.posters'] ?? 0) / Math.max(1, posters),
    };

    // The seed's own publish events, refused while no publisher listened, wait out their backoff:
    // made due now, they go at the delivery worker's next poll, and their builds settle, before
    // anything is timed.
    await cms.strapi.db
      .query(UID.outboxDelivery)
      .updateMany({ where: { status: { $in: ['pending', 'failing'] } }, data: { nextAttemptAt: new Date() } });
    for (let waiting = 0; ; waiting += 1) {
      const { counts } = await cms.strapi.plugin(PLUGIN_ID).service('outbox').report({ limit: 1 });
      if (counts.pending + counts.failing === 0) break;
      if (waiting > 1200) throw new Error('the seed’s publish events were not delivered within two minutes');
      await sleep(100);
    }
    for (let settled = await status(); settled?.building || settled?.queued; settled = await status()) await sleep(100);

    if (values.only !== 'live') Object.assign(results, await measurePublishLatency(cms.strapi, { siteUrl, samples, status }));
    Object.assign(results, await benchLive(cms.strapi, { siteUrl, samples, status }));
  } finally {
    await publisher?.stop();
    await cms.stop();
  }

  finish();
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${(error as Error).stack ?? error}`);
  process.exitCode = 1;
});
