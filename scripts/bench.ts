/**
 * `pnpm bench [--stories 1000] [--publishes 20]`: figures, no verdicts.
 *
 * Generates N stories through the plugin into the configured database (a fresh SQLite file
 * under .bench/ by default; PostgreSQL when DATABASE_CLIENT=postgres), then measures the
 * full snapshot export, a full site build (pages, then search index) with peak memory and
 * output size, and publish-to-live latency through the outbox and the publisher. Prints a
 * table and writes .bench/results-<N>.json.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, UID } from 'strapi-plugin-campaign-desk/names';
import { Publisher } from '../publisher/src/publisher';
import { astroBuilder } from '../publisher/src/builder';
import { countPages } from '../publisher/src/checks';
import { createServer as createPublisherServer } from '../publisher/src/server';
import { bootCms } from './lib/cms';
import { loadEnv } from './lib/env';
import { repoRoot } from './lib/paths';
import { measure } from './bench/process-tree';
import { benchStories } from './bench/stories';
import plan from './seed/plan.json';

const { values } = parseArgs({
  options: {
    stories: { type: 'string', default: '1000' },
    publishes: { type: 'string', default: '20' },
    batch: { type: 'string', default: '250' },
  },
});
const storyCount = Number(values.stories);
const publishCount = Number(values.publishes);
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
const step = (text: string) => console.log(`▶ ${text}`);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function du(dir: string): Promise<number> {
  return import('node:child_process').then(
    ({ execFileSync }) => Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0]),
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
  const seconds = (performance.now() - started) / 1000;
  return { stories: storyCount, seconds, perSecond: storyCount / seconds };
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

async function buildSite(contentEnv: Record<string, string>, siteUrl: string) {
  const outDir = path.join(benchDir, 'site');
  const cacheDir = path.join(benchDir, 'site-cache');
  rmSync(outDir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
  const astro = path.join(siteDir, 'node_modules', 'astro', 'astro.js');
  const result = await measure(process.execPath, [astro, 'build'], {
    cwd: siteDir,
    env: { ...process.env, ...contentEnv, NODE_ENV: 'production', SITE_URL: siteUrl, CAMPAIGN_DESK_OUT_DIR: outDir, CAMPAIGN_DESK_CACHE_DIR: cacheDir, ASTRO_TELEMETRY_DISABLED: '1' },
    // The site's Pagefind integration announces itself once the pages are written.
    phases: [{ name: 'pages', endsAt: /indexing pages for search/ }, { name: 'search index' }],
  });
  if (!result.ok) throw new Error(`site build failed:\n${result.output.slice(-3000)}`);
  const pages = await countPages(outDir);
  return {
    pages,
    pagesPerSecond: pages / result.phases.pages!.seconds,
    phases: result.phases,
    outputBytes: await du(outDir),
  };
}

async function publishToLive(strapi: Core.Strapi, publisherUrl: string, publisher: Publisher) {
  const latencies: number[] = [];
  const review = strapi.plugin(PLUGIN_ID).service('review');
  for (let n = 0; n < publishCount; n += 1) {
    const slug = `latency-${randomBytes(4).toString('hex')}`;
    const story = await strapi.documents(UID.story).create({
      data: { slug, title: `【压测】发布延迟测量 ${n + 1}`, kind: 'news', body: [{ type: 'paragraph', children: [{ type: 'text', text: '正文' }] }], sample: true },
    } as never);
    await review.approveAsSystem(story.documentId, '压测');
    const started = performance.now();
    await strapi.documents(UID.story).publish({ documentId: story.documentId } as never);
    for (;;) {
      const response = await fetch(`${publisherUrl}/stories/${slug}/`);
      await response.arrayBuffer();
      if (response.ok) break;
      const { lastBuild } = await publisher.status();
      if (lastBuild && !lastBuild.ok) throw new Error(`publisher build failed: ${lastBuild.error}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    latencies.push((performance.now() - started) / 1000);
    process.stdout.write(`\r  ${n + 1} / ${publishCount} publishes, last ${latencies.at(-1)!.toFixed(1)} s`);
  }
  process.stdout.write('\n');
  return { publishes: publishCount, p50Seconds: percentile(latencies, 50), p95Seconds: percentile(latencies, 95), samples: latencies };
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
  const [cmsPort, publisherPort] = [await freePort(), await freePort()];
  const hookSecret = randomBytes(24).toString('base64url');
  const publisherUrl = `http://127.0.0.1:${publisherPort}`;
  process.env.CAMPAIGN_DESK_BUILD_HOOKS = JSON.stringify([{ name: 'bench', url: `${publisherUrl}/hooks/publish`, secret: hookSecret }]);
  process.env.LOG_LEVEL = 'error';

  const cms = await bootCms({ port: cmsPort });
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: { cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    database: postgres ? 'postgres' : 'sqlite',
  };
  try {
    step(`Seeding ${storyCount} stories through the plugin (${results.database})`);
    results.seeding = await seedStories(cms.strapi);

    const token = ((await cms.strapi.service('admin::api-token').create({ name: `bench-${Date.now()}`, type: 'read-only', lifespan: null })) as {
      accessKey: string;
    }).accessKey;
    step('Exporting the full snapshot');
    results.snapshot = await exportSnapshot(cms.url, token);

    const contentEnv = { CAMPAIGN_DESK_SNAPSHOT_URL: `${cms.url}/api/campaign-desk/snapshot`, CAMPAIGN_DESK_TOKEN: token };
    step('Building the whole site (pages, then search index)');
    results.siteBuild = await buildSite(contentEnv, publisherUrl);

    if (publishCount > 0) {
      step(`Publish to live, ${publishCount} times`);
      const dataDir = path.join(benchDir, 'publisher');
      rmSync(dataDir, { recursive: true, force: true });
      const publisher = await new Publisher({
        dataDir,
        siteUrl: publisherUrl,
        keepReleases: 2,
        minPageRatio: 0.8,
        builder: astroBuilder(siteDir, { ...contentEnv, SITE_URL: publisherUrl }),
      }).open();
      const server = await createPublisherServer({ publisher, hookSecret });
      await server.listen({ host: '127.0.0.1', port: publisherPort });
      publisher.request('bench start');
      await publisher.idle();
      try {
        results.publishToLive = await publishToLive(cms.strapi, publisherUrl, publisher);
      } finally {
        await server.close();
      }
    }
  } finally {
    await cms.stop();
  }

  const seeding = results.seeding as { perSecond: number; seconds: number };
  const snapshot = results.snapshot as { seconds: number; records: number };
  const site = results.siteBuild as Awaited<ReturnType<typeof buildSite>>;
  const latency = results.publishToLive as { p50Seconds: number; p95Seconds: number } | undefined;
  console.table({
    'seeding (stories/s)': seeding.perSecond.toFixed(1),
    'snapshot export (s)': `${snapshot.seconds.toFixed(1)} for ${snapshot.records} records`,
    'site build, pages (s)': `${site.phases.pages!.seconds.toFixed(1)} for ${site.pages} pages (${site.pagesPerSecond.toFixed(1)}/s), peak ${mb(site.phases.pages!.peakRssBytes)} MB`,
    'site build, search index (s)': `${site.phases['search index']!.seconds.toFixed(1)}, peak ${mb(site.phases['search index']!.peakRssBytes)} MB`,
    'output size (MB)': mb(site.outputBytes),
    ...(latency ? { 'publish → live p50 / p95 (s)': `${latency.p50Seconds.toFixed(1)} / ${latency.p95Seconds.toFixed(1)}` } : {}),
  });
  const file = path.join(benchDir, `results-${storyCount}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`written to ${path.relative(repoRoot, file)}`);
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${(error as Error).stack ?? error}`);
  process.exitCode = 1;
});
