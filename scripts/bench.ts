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
 * `--seed snapshot` leaves the CMS out: the publisher reads a snapshot file of the fixture's campaign
 * with the same N stories (bench/snapshot-fixture.ts), for the site's whole build at sizes seeding
 * through the plugin cannot reach in a bench's time (100,000). `--hugo <hugo-anchor.py>` builds the
 * same stories with Hugo after the whole build (bench/hugo.ts), the anchor it is compared with.
 * Prints a table and writes .bench/results-<N>.json.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
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
import { benchLikes } from './bench/likes';
import { sleep, step } from './bench/progress';
import { measurePublishLatency, type Status } from './bench/publish-latency';
import { benchLive } from './bench/live';
import { hugoAnchor } from './bench/hugo';
import { writeSnapshotFixture } from './bench/snapshot-fixture';
import { measureWholeBuild } from './bench/whole-build';
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
    seed: { type: 'string', default: 'plugin' },
    hugo: { type: 'string' },
  },
});
if (!['plugin', 'snapshot'].includes(values.seed)) throw new Error(`--seed is plugin or snapshot, not ${values.seed}`);
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

const dataDir = path.join(benchDir, 'publisher');
const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: { cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
};
const [cmsPort, sitePort, controlPort] = [await freePort(), await freePort(), await freePort()];
const hookSecret = randomBytes(24).toString('base64url');
const siteUrl = `http://127.0.0.1:${sitePort}`;
const controlUrl = `http://127.0.0.1:${controlPort}`;

async function compile() {
  step('Compiling the site (once per template version)');
  const compileStarted = performance.now();
  const fingerprint = await siteFingerprint(siteDir, siteUrl);
  rmSync(path.join(siteDir, '.compiled', fingerprint), { recursive: true, force: true });
  await compileSite(siteDir, siteUrl);
  results.compile = { seconds: (performance.now() - compileStarted) / 1000 };
}

/** The publisher as a process of its own, so the memory measured is the publisher's; its data directory fresh. */
function startPublisher(source: Record<string, string>): PublisherProcess {
  step('Starting the publisher: its start-up build renders the whole site');
  rmSync(dataDir, { recursive: true, force: true });
  const publisher = new PublisherProcess({
    PUBLISHER_HOST: '127.0.0.1',
    PUBLISHER_PORT: String(sitePort),
    PUBLISHER_CONTROL_PORT: String(controlPort),
    PUBLISHER_HOOK_SECRET: hookSecret,
    PUBLISHER_TOKEN: randomBytes(24).toString('base64url'),
    PUBLISHER_DATA_DIR: dataDir,
    PUBLISHER_KEEP_RELEASES: '2',
    SITE_URL: siteUrl,
    ...source,
    // Every story here is generated (sample): a preview carries them in the feeds the run waits on.
    CAMPAIGN_DESK_PREVIEW: 'true',
  });
  publisher.start();
  return publisher;
}

/** The whole build of the same stories by Hugo, right after ours, when asked for. */
function anchor(script: string) {
  step(`Building the same ${storyCount} stories with Hugo (the anchor)`);
  return hugoAnchor(script, storyCount, path.join(benchDir, `hugo-${storyCount}`));
}

/** `--seed snapshot`: the site's whole build from a snapshot file, no CMS. */
async function siteFromSnapshot() {
  results.seeding = { from: 'snapshot file' };
  const file = path.join(benchDir, `snapshot-${storyCount}.json`);
  step(`Writing the snapshot file: the fixture's campaign with ${storyCount} generated stories`);
  results.snapshot = await writeSnapshotFixture(file, storyCount);
  await compile();
  const publisher = startPublisher({ CAMPAIGN_DESK_SNAPSHOT_FILE: file });
  try {
    Object.assign(results, await measureWholeBuild(publisher, async () => (await publisher.status()) as Status | null, dataDir));
    results.storyPage = await storyPageWeight(siteUrl, '/stories/bench-000001/');
  } finally {
    await publisher.stop();
    rmSync(file, { force: true });
  }
  if (values.hugo) results.hugo = anchor(values.hugo);
  report(results, { only: 'site', file: path.join(benchDir, `results-${storyCount}-snapshot.json`) });
}

async function main() {
  loadEnv();
  const postgres = process.env.DATABASE_CLIENT === 'postgres';
  if (!postgres) {
    const file = path.join(benchDir, `bench-${storyCount}.db`);
    rmSync(file, { force: true });
    process.env.DATABASE_FILENAME = file;
  }
  process.env.CAMPAIGN_DESK_BUILD_HOOKS = JSON.stringify([{ name: 'bench', url: `${controlUrl}/hooks/publish`, secret: hookSecret }]);
  process.env.LOG_LEVEL = 'error';
  // The CMS takes the public forms from the site the bench serves.
  process.env.SITE_URL = siteUrl;

  const cms = await bootCms({ port: cmsPort });
  results.database = postgres ? 'postgres' : 'sqlite';
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
      step(
        '点赞: floods of 1,000 likes of one good deed from 200 addresses, from one, and from 1,000 with the lanes opened; 1,000 reads of the counts',
      );
      results.likes = await benchLikes(cms, siteUrl);
    }
    // The CMS's figures alone: reported before the CMS stops (finally, below).
    if (values.only === 'cms') return finish();

    await compile();
    publisher = startPublisher({
      CAMPAIGN_DESK_SNAPSHOT_URL: `${cms.url}/api/campaign-desk/snapshot`,
      CAMPAIGN_DESK_TOKEN: token,
      CAMPAIGN_DESK_SNAPSHOT_FILE: '',
    });
    const started = publisher;
    // The bench reads builds that ran, whose counts and timings are all filled in.
    const status = async () => (await started.status()) as Status | null;
    Object.assign(results, await measureWholeBuild(publisher, status, dataDir));
    results.storyPage = await storyPageWeight(siteUrl, '/stories/bench-000001/');

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
  // Once nothing of ours runs beside it.
  if (values.hugo) results.hugo = anchor(values.hugo);
  finish();
}

mkdirSync(benchDir, { recursive: true });
(values.seed === 'snapshot' ? siteFromSnapshot() : main()).catch((error: unknown) => {
  console.error(`bench failed: ${(error as Error).stack ?? error}`);
  process.exitCode = 1;
});
