/**
 * The publish path under `pnpm bench`: stories published, edited and withdrawn one at a time
 * through the Document Service, each timed until a reader sees it (its page, its feeds),
 * with the build that carried it.
 */
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, UID } from 'strapi-plugin-campaign-desk/names';
import plan from '../seed/plan.json';
import { percentile } from './percentile';
import { sleep, step } from './progress';

/** A build as the publisher's /status reports it. */
export type Build = {
  ok: boolean;
  error: string | null;
  mode: string;
  pages: number;
  rendered: number;
  reasons: string[];
  timings: Record<string, number>;
  durationMs: number;
};
export type Status = { live: string | null; building: boolean; queued: boolean; lastBuild: Build | null; recent: Build[] };

/** Publishes, edits and withdraws `samples` stories, and how long each took to reach the site at `siteUrl`. */
export async function measurePublishLatency(
  strapi: Core.Strapi,
  { siteUrl, samples, status }: { siteUrl: string; samples: number; status: () => Promise<Status | null> },
) {
  const documents = strapi.documents(UID.story);
  const review = strapi.plugin(PLUGIN_ID).service('review');
  const ids = async (uid: string, slug: string) =>
    ((await strapi.db.query(uid as never).findOne({ where: { slug } })) as { documentId: string }).documentId;
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
  const latency = Object.fromEntries(
    Object.entries(latencies).map(([name, list]) => [
      name,
      { samples: list.length, p50Seconds: percentile(list, 50), p95Seconds: percentile(list, 95), all: list },
    ]),
  );
  return { latency, incrementalBuilds: builds };
}
