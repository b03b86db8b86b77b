/**
 * `pnpm bench [--stories 1000] [--samples 10] [--only cms|site]`: figures, no verdicts.
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
 * the statistics and the public forms (the site's figures alone, after seeding). Prints a table
 * and writes .bench/results-<N>.json.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Core } from '@strapi/strapi';
import { PublisherProcess } from '@campaign-desk/publisher/process';
import { compileSite, siteFingerprint } from '@campaign-desk/site/renderer';
import { PLUGIN_ID, UID } from 'strapi-plugin-campaign-desk/names';
import { bootCms } from './lib/cms';
import { loadEnv } from './lib/env';
import { repoRoot } from './lib/paths';
import { benchParticipation } from './bench/participation';
import { percentile } from './bench/percentile';
import { treeRss } from './bench/process-tree';
import { benchStories } from './bench/stories';
import { benchLive } from './bench/live';
import plan from './seed/plan.json';

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

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const seconds = (ms: number) => (ms / 1000).toFixed(1);
const step = (text: string) => console.log(`▶ ${text}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function du(dir: string): Promise<number> {
  return import('node:child_process').then(({ execFileSync }) =>
    Number(execFileSync('du', ['-sbL', dir], { encoding: 'utf8' }).split('\t')[0]),
  );
}

async function seedStories(strapi: Core.Strapi) {
  const seed = strapi.plugin(PLUGIN_ID).service('seed');
  await seed.load(plan, 'plan.json');
  const stories = benchStories(storyCount);
  const batch = Number(values.batch);
  const started = performance.now();
  for (let offset = 0; offset < stories.length; offset += batch) {
    await seed.load({ stories: stories.slice(offset, offset + batch) }, 'bench');
    process.stdout.write(`\r  ${Math.min(offset + batch, stories.length)} / ${stories.length} stories`);
  }
  process.stdout.write('\n');
  const elapsed = (performance.now() - started) / 1000;
  return { stories: storyCount, seconds: elapsed, perSecond: storyCount / elapsed };
}

/** Verified placements at the central and provincial outlets for one story in twenty, each with its evidence. */
async function seedPlacements(strapi: Core.Strapi) {
  const evidence = (await strapi.db.query('plugin::upload.file').create({
    data: {
      name: 'bench-evidence.png',
      hash: 'bench_evidence',
      ext: '.png',
      mime: 'image/png',
      size: 1,
      url: '/uploads/bench_evidence.png',
      provider: 'local',
      width: 1,
      height: 1,
    },
  })) as { id: number };
  const targets = (await strapi.db.query(UID.outlet).findMany({ where: { countsTowardCoverage: true }, select: ['documentId'] })) as Array<{
    documentId: string;
  }>;
  const stories = (await strapi.db
    .query(UID.story)
    .findMany({ where: { publishedAt: { $notNull: true } }, select: ['documentId', 'date'], orderBy: { id: 'asc' } })) as Array<{
    documentId: string;
    date: string;
  }>;
  let created = 0;
  // Every target but the last carries something, so the page has someone missing to show.
  for (const [index, story] of stories.entries()) {
    if (index % 20 !== 0) continue;
    await strapi.documents(UID.placement).create({
      data: {
        story: story.documentId,
        outlet: targets[created % (targets.length - 1)]!.documentId,
        state: 'verified',
        date: new Date(story.date).toISOString().slice(0, 10),
        slot: '第1版',
        evidence: evidence.id,
      },
    } as never);
    created += 1;
  }
  return created;
}

/** The 统计 page's API as the chief editor calls it, over the whole campaign, and its xlsx export. */
async function measureStatistics(strapi: Core.Strapi, url: string) {
  const role = (await strapi.db.query('admin::role').findOne({ where: { code: 'campaign-desk-chief-editor' } })) as { id: number };
  const login = {
    email: `bench-${randomBytes(4).toString('hex')}@campaign-desk.local`,
    password: `Bench1${randomBytes(9).toString('base64url')}`,
  };
  await strapi.service('admin::user').create({ ...login, firstname: '压测', lastname: '主编', isActive: true, roles: [role.id] });
  const session = (await (
    await fetch(`${url}/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(login) })
  ).json()) as {
    data: { token: string };
  };
  const get = async (path: string) => {
    const started = performance.now();
    const response = await fetch(`${url}${path}`, { headers: { Authorization: `Bearer ${session.data.token}` } });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    const body = await response.arrayBuffer();
    return { seconds: (performance.now() - started) / 1000, body };
  };
  const range = 'from=2020-04-21&to=2020-12-31';
  const times: number[] = [];
  let stories = 0;
  for (let n = 0; n < 7; n += 1) {
    const { seconds: elapsed, body } = await get(`/campaign-desk/statistics?${range}`);
    times.push(elapsed);
    stories = (JSON.parse(Buffer.from(body).toString('utf8')) as { totals: { stories: number } }).totals.stories;
  }
  const xlsx = await get(`/campaign-desk/statistics/export.xlsx?${range}`);
  return {
    stories,
    requests: times.length,
    p50Seconds: percentile(times, 50),
    maxSeconds: Math.max(...times),
    xlsxSeconds: xlsx.seconds,
    xlsxBytes: xlsx.body.byteLength,
  };
}

async function exportSnapshot(url: string, token: string) {
  const started = performance.now();
  let cursor = '';
  let records = 0;
  let pages = 0;
  for (let more = true; more; pages += 1) {
    const response = await fetch(`${url}/api/campaign-desk/snapshot?limit=500${cursor ? `&cursor=${cursor}` : ''}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw new Error(`snapshot: ${response.status} ${await response.text()}`);
    const page = (await response.json()) as { records: unknown[]; cursor: string; hasMore: boolean };
    records += page.records.length;
    cursor = page.cursor;
    more = page.hasMore;
  }
  return { records, requests: pages, seconds: (performance.now() - started) / 1000 };
}

type Build = {
  ok: boolean;
  error: string | null;
  mode: string;
  pages: number;
  rendered: number;
  reasons: string[];
  timings: Record<string, number>;
  durationMs: number;
};
type Status = { live: string | null; building: boolean; queued: boolean; lastBuild: Build | null; recent: Build[] };

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
  let publisher: PublisherProcess | null = null;
  try {
    step(`Seeding ${storyCount} stories through the plugin (${results.database})`);
    results.seeding = await seedStories(cms.strapi);

    const token = (
      (await cms.strapi.service('admin::api-token').create({ name: `bench-${Date.now()}`, type: 'read-only', lifespan: null })) as {
        accessKey: string;
      }
    ).accessKey;
    step('Exporting the full snapshot');
    results.snapshot = await exportSnapshot(cms.url, token);

    if (values.only !== 'site') {
      step('Timing the statistics (统计) over the whole campaign');
      results.placements = await seedPlacements(cms.strapi);
      results.statistics = await measureStatistics(cms.strapi, cms.url);
      step('Public participation: the proof of work at its default cost, and a flood of 1,000 plain-form posts from 200 addresses');
      results.participation = await benchParticipation(cms, siteUrl);
    }
    if (values.only === 'cms') return;

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
    const status = async (): Promise<Status | null> => {
      try {
        return (await (await fetch(`${controlUrl}/status`, { headers: { authorization: `Bearer ${publisherToken}` } })).json()) as Status;
      } catch {
        return null;
      }
    };
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

    const documents = cms.strapi.documents(UID.story);
    const review = cms.strapi.plugin(PLUGIN_ID).service('review');
    const ids = async (uid: string, slug: string) =>
      ((await cms.strapi.db.query(uid as never).findOne({ where: { slug } })) as { documentId: string }).documentId;
    const [columnSlug, themeSlug, activitySlug, placeSlug] = [plan.columns[1]!.slug, 'shifanqu', 'da-diaoyan', 'chibi'];
    const relations = {
      columns: { connect: [{ documentId: await ids(UID.column, columnSlug) }] },
      theme: { connect: [{ documentId: await ids(UID.theme, themeSlug) }] },
      activities: { connect: [{ documentId: await ids(UID.activity, activitySlug) }] },
      places: { connect: [{ documentId: await ids(UID.place, placeSlug) }] },
    };
    const feeds = [
      '/rss.xml',
      '/feed.json',
      `/feeds/columns/${columnSlug}.xml`,
      `/feeds/themes/${themeSlug}.xml`,
      `/feeds/activities/${activitySlug}.xml`,
      `/feeds/places/${placeSlug}.xml`,
    ];
    const fetchText = async (sitePath: string) => {
      const response = await fetch(`${siteUrl}${sitePath}`);
      return { status: response.status, text: await response.text() };
    };
    /** Polls until `seen` holds, and answers how long that took; a failed build ends the bench. */
    const until = async (seen: () => Promise<boolean>, what: string) => {
      const started = performance.now();
      for (;;) {
        if (await seen()) return (performance.now() - started) / 1000;
        const now = await status();
        if (now?.lastBuild && !now.lastBuild.ok) throw new Error(`a build failed while waiting for ${what}: ${now.lastBuild.error}`);
        if (performance.now() - started > 600_000) throw new Error(`${what} took more than ten minutes`);
        await sleep(50);
      }
    };
    const quiet = async () => {
      for (let now = await status(); !now || now.building || now.queued; now = await status()) await sleep(50);
    };

    step(`Publishing ${samples} stories, one at a time, until each is served and in its column feed`);
    const published: Array<{ documentId: string; slug: string }> = [];
    const latencies = { publish: [] as number[], edit: [] as number[], unpublish: [] as number[] };
    /** Each timed change's last build, where its time went (a series that rises publish after publish shows here). */
    const builds = { publish: [] as Array<Build | null>, edit: [] as Array<Build | null>, unpublish: [] as Array<Build | null> };
    const lastBuild = async () => {
      const build = (await status())?.lastBuild ?? null;
      return build && { ...build, reasons: [], warnings: [] };
    };
    for (let n = 0; n < samples; n += 1) {
      await quiet();
      const slug = `latency-${randomBytes(4).toString('hex')}`;
      const story = await documents.create({
        data: {
          slug,
          title: `【压测】发布延迟测量 ${n + 1}`,
          kind: 'news',
          body: [{ type: 'paragraph', children: [{ type: 'text', text: '正文' }] }],
          sample: true,
          ...relations,
        },
      } as never);
      await review.approveAsSystem(story.documentId, '压测');
      const started = performance.now();
      await documents.publish({ documentId: story.documentId } as never);
      await until(
        async () => (await fetchText(`/stories/${slug}/`)).status === 200 && (await fetchText(feeds[2]!)).text.includes(slug),
        `${slug} to be served`,
      );
      latencies.publish.push((performance.now() - started) / 1000);
      builds.publish.push(await lastBuild());
      published.push({ documentId: story.documentId, slug });
      process.stdout.write(`\r  ${n + 1} / ${samples}, last ${latencies.publish.at(-1)!.toFixed(2)} s`);
    }
    process.stdout.write('\n');

    step(`Editing each published story's title, until its page shows the new one`);
    for (const [n, { documentId, slug }] of published.entries()) {
      await quiet();
      const title = `【压测】改过的标题 ${n + 1}`;
      await documents.update({ documentId, data: { title } } as never);
      await review.approveAsSystem(documentId, '压测');
      const started = performance.now();
      await documents.publish({ documentId } as never);
      await until(async () => (await fetchText(`/stories/${slug}/`)).text.includes(title), `${slug}'s new title`);
      latencies.edit.push((performance.now() - started) / 1000);
      builds.edit.push(await lastBuild());
      process.stdout.write(`\r  ${n + 1} / ${samples}, last ${latencies.edit.at(-1)!.toFixed(2)} s`);
    }
    process.stdout.write('\n');

    step('Withdrawing each, until its page answers 404 and no feed carries it');
    for (const [n, { documentId, slug }] of published.entries()) {
      await quiet();
      const guid = `urn:campaign-desk:story:${documentId}`;
      const started = performance.now();
      await documents.unpublish({ documentId } as never);
      await until(async () => {
        if ((await fetchText(`/stories/${slug}/`)).status !== 404) return false;
        for (const feed of feeds) if ((await fetchText(feed)).text.includes(guid)) return false;
        return true;
      }, `${slug} to be withdrawn`);
      latencies.unpublish.push((performance.now() - started) / 1000);
      builds.unpublish.push(await lastBuild());
      process.stdout.write(`\r  ${n + 1} / ${samples}, last ${latencies.unpublish.at(-1)!.toFixed(2)} s`);
    }
    process.stdout.write('\n');
    results.latency = Object.fromEntries(
      Object.entries(latencies).map(([name, list]) => [
        name,
        { samples: list.length, p50Seconds: percentile(list, 50), p95Seconds: percentile(list, 95), all: list },
      ]),
    );
    results.incrementalBuilds = builds;

    step(`图文直播: approving ${samples} entries, one at a time, until a page open at 375 px shows each`);
    results.live = await benchLive(cms.strapi, {
      siteUrl,
      samples,
      quiet,
      lastRendered: async () => (await status())?.lastBuild?.rendered ?? null,
    });
  } finally {
    await publisher?.stop();
    await cms.stop();
  }

  const seeding = results.seeding as { perSecond: number };
  const snapshot = results.snapshot as { seconds: number; records: number };
  const figuresOfTheCms: Record<string, string> = {
    'seeding (stories/s)': seeding.perSecond.toFixed(1),
    'snapshot export (s)': `${snapshot.seconds.toFixed(1)} for ${snapshot.records} records`,
    ...(values.only === 'site' ? {} : figuresOfTheForms()),
  };
  if (values.only === 'cms') {
    console.table(figuresOfTheCms);
    return write();
  }
  const compile = results.compile as { seconds: number };
  const whole = results.wholeBuild as {
    seconds: number;
    pages: number;
    rendered: number;
    renderRate: number;
    peakRssBytes: number;
    outputBytes: number;
    timings: Record<string, number>;
  };
  const latency = results.latency as Record<string, { p50Seconds: number; p95Seconds: number }>;
  const live = results.live as Awaited<ReturnType<typeof benchLive>>;
  const t = whole.timings;
  console.table({
    ...figuresOfTheCms,
    'compile (s, once per template version)': compile.seconds.toFixed(1),
    'whole build (s)': `${whole.seconds.toFixed(1)}: sync ${seconds(t.sync!)}, render+write+check+compress ${seconds(t.render!)} for ${whole.rendered} files (${Math.round(whole.renderRate)}/s), search ${seconds(t.search!)} (beside the render), finish ${seconds(t.finish!)}, release made and switched ${seconds(t.switch!)}`,
    'whole build peak memory (MB)': mb(whole.peakRssBytes),
    'release size (MB)': mb(whole.outputBytes),
    'publish → served, in column feed p50 / p95 (s)': `${latency.publish!.p50Seconds.toFixed(2)} / ${latency.publish!.p95Seconds.toFixed(2)}`,
    'edit → page updated p50 / p95 (s)': `${latency.edit!.p50Seconds.toFixed(2)} / ${latency.edit!.p95Seconds.toFixed(2)}`,
    'unpublish → 404, out of every feed p50 / p95 (s)': `${latency.unpublish!.p50Seconds.toFixed(2)} / ${latency.unpublish!.p95Seconds.toFixed(2)}`,
    'live entry approved → on an open page p50 / p95 (s)': `${live.p50Seconds.toFixed(2)} / ${live.p95Seconds.toFixed(2)} (files rendered per approval: ${live.rendered.join(', ')})`,
    'the publishes in order (s)': (results.latency as Record<string, { all: number[] }>)
      .publish!.all.map((value) => value.toFixed(2))
      .join(', '),
  });
  write();

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
    };
  }

  function write() {
    const file = path.join(benchDir, `results-${storyCount}${values.only ? `-${values.only}` : ''}.json`);
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`written to ${path.relative(repoRoot, file)}`);
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${(error as Error).stack ?? error}`);
  process.exitCode = 1;
});
