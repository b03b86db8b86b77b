/**
 * 点赞 under a flood, for `pnpm bench`: 1,000 likes of one good deed at once from 200 addresses
 * and from one, at the default lanes (the lane in all and the address's lane decide; a reader
 * counts once a day whatever they send), and 1,000 from 1,000 addresses with the lanes opened,
 * so every like is counted: what the shared counters cost. Then 1,000 reads of the counts at
 * once (the site's pages), from the CMS's memory. Each run's count, so the figures show the
 * lanes' bound on it.
 */
import { request } from 'node:http';
import type { Core } from '@strapi/strapi';
import { signUp } from '@campaign-desk/testing/newsroom';
import { PLUGIN_ID, UID } from 'strapi-plugin-campaign-desk/names';
import { ADDRESSES, flood } from './participation';
import { percentile } from './percentile';

const READS = 1000;

function read(url: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(url, { headers: { Accept: 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200 ? performance.now() - started : Number.NaN));
    });
    req.on('error', () => resolve(Number.NaN));
    req.end();
  });
}

export async function benchLikes(cms: { strapi: Core.Strapi; url: string }, siteUrl: string) {
  const plugin = cms.strapi.plugin(PLUGIN_ID);
  const documents = cms.strapi.documents(UID.goodDeed as never);
  const made = (await documents.create({
    data: { title: '压测点赞的好事', doer: '压测', date: '2020-06-05', description: '一件被很多人点赞的好事。' },
  } as never)) as { documentId: string };
  await documents.publish({ documentId: made.documentId } as never);
  const editor = await signUp(cms, 'campaign-desk-editor', '压测点赞编辑');
  const base = `${cms.url}/api/campaign-desk/participation`;
  const target = {
    url: `${base}/like/good-deed/${made.documentId}`,
    origin: new URL(siteUrl).origin,
    taken: 200,
    fields: () => new URLSearchParams({ like: '1' }),
  };
  const key = `goodDeed:${made.documentId}`;
  const count = async () => {
    plugin.service('likes').forget();
    return ((await plugin.service('likes').counts()) as Record<string, number>)[key] ?? 0;
  };
  const reset = () => plugin.service('rate-limits').reset();
  const run = async (from: (index: number) => string) => {
    const before = await count();
    const figures = await flood(cms, editor, target, from);
    return { ...figures, counted: (await count()) - before };
  };

  await reset();
  const manyAddresses = { addresses: ADDRESSES, ...(await run((index) => `127.0.20.${(index % ADDRESSES) + 1}`)) };
  await reset();
  const oneAddress = await run(() => '127.0.21.1');
  const config = `plugin::${PLUGIN_ID}.participation`;
  const saved = cms.strapi.config.get<{ limits: Record<string, unknown> }>(config);
  const wide = { max: 1_000_000, windowMs: 60_000 };
  cms.strapi.config.set(config, { ...saved, limits: { ...saved.limits, likesPerAddress: wide, likesGlobal: wide } });
  let allCounted: Awaited<ReturnType<typeof run>> & { addresses: number };
  try {
    await reset();
    // 1,000 addresses: 127.0.22.1 … 127.0.25.250.
    allCounted = { addresses: 1000, ...(await run((index) => `127.0.${22 + Math.floor(index / 250)}.${(index % 250) + 1}`)) };
  } finally {
    cms.strapi.config.set(config, saved);
    await reset();
  }
  const at = performance.now();
  const reads = await Promise.all(Array.from({ length: READS }, () => read(`${base}/likes`)));
  const readSeconds = (performance.now() - at) / 1000;
  const answered = reads.filter((ms) => !Number.isNaN(ms));
  return {
    manyAddresses,
    oneAddress,
    allCounted,
    counts: {
      reads: READS,
      answered: answered.length,
      seconds: readSeconds,
      p50Ms: percentile(answered, 50),
      p95Ms: percentile(answered, 95),
    },
  };
}
