/**
 * The publisher alone, without a CMS: `N=10000 K=10 tsx bench/series.ts` (in publisher/) serves
 * the fixture plus generated stories (N in all) from the tests' stand-in of the snapshot API,
 * builds the whole site, then publishes K new stories one at a time and prints each build's
 * time and `timings`, so a series that rises publish after publish shows step by step.
 * Figures only; `DATA` keeps the data directory somewhere of your choice (kept at the end, so
 * a second run finds its image copies and posters drawn).
 * `SEARCH=咸宁` also measures, after the whole build, what a phone loads for its first search.
 */
import { fixtureRecords, startSystem } from '../tests/support/system';
import { firstSearch } from './first-search';

const N = Number(process.env.N ?? 5000);
const K = Number(process.env.K ?? 10);
const base = fixtureRecords();
const stories = base.filter((record) => record.type === 'story');
const generated = Array.from({ length: Math.max(0, N - stories.length) }, (_, index) => {
  const template = stories[index % stories.length]!;
  const date = new Date(Date.parse('2020-04-21T00:00:00Z') + Math.floor((220 * 86_400_000 * index) / N)).toISOString();
  return {
    ...template,
    documentId: `gen${String(index).padStart(21, '0')}`,
    slug: `gen-${index}`,
    date,
    title: `${template.title} ${index}`,
    cover: null,
    featured: false,
  };
});
const system = await startSystem({ records: [...base, ...generated], keepReleases: 2, dataDir: process.env.DATA });
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(2);
try {
  let started = performance.now();
  const whole = await system.build('start-up');
  console.log(`whole ${seconds(started)} s`, JSON.stringify(whole.lastBuild?.timings), whole.lastBuild?.error ?? '');
  if (process.env.SEARCH) console.log('first search at 375 px', JSON.stringify(await firstSearch(system.site, process.env.SEARCH)));
  for (let n = 0; n < K; n += 1) {
    const template = stories[n % stories.length]!;
    const date = new Date(Date.parse('2020-12-01T00:00:00Z') + n * 60_000).toISOString();
    const builds = (await system.status()).builds;
    system.api.publish({ ...template, documentId: `new${String(n).padStart(21, '0')}`, slug: `new-${n}`, date, title: `新稿件 ${n}` });
    started = performance.now();
    const since = Date.now();
    const status = await system.build(`publish ${n}`);
    // The publish's release, then its search shards' when they follow in a release of their own.
    const made = status.recent.slice(0, status.builds - builds).reverse();
    console.log(
      `publish ${n} ${seconds(started)} s; live after`,
      made.map((build) => `${((Date.parse(build.finishedAt) - since) / 1000).toFixed(2)} s`).join(', then '),
      made.map((build) => `${build.mode} ${build.rendered} ${JSON.stringify(build.timings)}`).join(' | '),
    );
  }
} finally {
  await system.stop({ remove: !process.env.DATA });
}
