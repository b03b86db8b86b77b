/**
 * 图文直播 in `pnpm bench`: a live on air, its page open in Chromium at 375 px, and `samples`
 * entries approved one at a time, each timed from the approval until the open page shows it
 * (the outbox, the publisher's incremental release, then the page's next fetch of its entries
 * file, every 3 s), with what each approval's build rendered. Figures only.
 */
import type { Core } from '@strapi/strapi';
import { launchChromium } from '@campaign-desk/testing/browser';
import { UID } from 'strapi-plugin-campaign-desk/names';
import { percentile } from './percentile';
import { sleep, step } from './progress';
import type { Status } from './publish-latency';

export async function benchLive(
  strapi: Core.Strapi,
  { siteUrl, samples, status }: { siteUrl: string; samples: number; status: () => Promise<Status | null> },
) {
  step(`图文直播: approving ${samples} entries, one at a time, until a page open at 375 px shows each`);
  const quiet = async () => {
    for (let now = await status(); !now || now.building || now.queued; now = await status()) await sleep(50);
  };
  const slug = `bench-live-${Date.now()}`;
  const plenary = (await strapi.db.query(UID.event).findOne({ where: { kind: 'plenary' }, select: ['documentId'] })) as {
    documentId: string;
  } | null;
  const live = await strapi.documents(UID.live).create({
    data: { title: '【压测】图文直播', slug, event: plenary?.documentId ?? null, state: 'on_air', sample: true },
    status: 'published',
  } as never);
  const pageUrl = `${siteUrl}/lives/${slug}/`;
  for (let waited = 0; (await fetch(pageUrl)).status !== 200; waited += 1) {
    if (waited > 6000) throw new Error('the live page was not served within ten minutes');
    await sleep(100);
  }
  await quiet();
  const browser = await launchChromium();
  const latencies: number[] = [];
  const rendered: Array<number | null> = [];
  /** Each approval's build: its whole time and its sync's plan (ms). */
  const builds: Array<{ ms: number; planMs: number } | null> = [];
  try {
    const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
    await page.goto(pageUrl);
    for (let n = 0; n < samples; n += 1) {
      await quiet();
      // Written (not public yet), then approved: only the approval is timed.
      const entry = await strapi
        .documents(UID.liveEntry)
        .create({ data: { live: live.documentId, kind: 'entry_text', text: `【压测】第 ${n + 1} 条` } } as never);
      const started = performance.now();
      await strapi.documents(UID.liveEntry).update({ documentId: entry.documentId, data: { state: 'cleared' } } as never);
      await page.locator(`[data-entry="${entry.documentId}"]`).waitFor({ timeout: 600_000 });
      latencies.push((performance.now() - started) / 1000);
      await quiet();
      const build = (await status())?.lastBuild ?? null;
      rendered.push(build?.rendered ?? null);
      builds.push(build ? { ms: build.durationMs, planMs: build.timings['sync.plan'] ?? 0 } : null);
      process.stdout.write(`\r  ${n + 1} / ${samples}, last ${latencies.at(-1)!.toFixed(2)} s`);
    }
    process.stdout.write('\n');
  } finally {
    await browser.close();
  }
  return {
    live: { samples, p50Seconds: percentile(latencies, 50), p95Seconds: percentile(latencies, 95), all: latencies, rendered, builds },
  };
}
