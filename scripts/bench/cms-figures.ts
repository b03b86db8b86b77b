/**
 * The CMS's figures for `pnpm bench`: stories seeded through the plugin, the full snapshot
 * exported through its API, and the 统计 page's API as the chief editor calls it.
 */
import type { Core } from '@strapi/strapi';
import { signUp } from '@campaign-desk/testing/newsroom';
import { PLUGIN_ID, UID } from 'strapi-plugin-campaign-desk/names';
import plan from '../seed/plan.json';
import { percentile } from './percentile';
import { benchStories } from './stories';

/** `storyCount` generated stories, loaded `batch` at a time after the plan. */
export async function seedStories(strapi: Core.Strapi, storyCount: number, batch: number) {
  const seed = strapi.plugin(PLUGIN_ID).service('seed');
  await seed.load(plan, 'plan.json');
  const stories = benchStories(storyCount);
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
export async function seedPlacements(strapi: Core.Strapi) {
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
export async function measureStatistics(strapi: Core.Strapi, url: string) {
  const chief = await signUp({ strapi, url }, 'campaign-desk-chief-editor', '压测主编');
  const get = async (path: string) => {
    const started = performance.now();
    const response = await fetch(`${url}${path}`, { headers: { Authorization: `Bearer ${chief.token}` } });
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

/** Every record through the snapshot API, 500 a page. */
export async function exportSnapshot(url: string, token: string) {
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
