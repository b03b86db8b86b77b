/**
 * `pnpm seed [--file dataset.json]`: loads the campaign's seed (the plan's data and the
 * sample stories), or another dataset file, into the configured database. Safe to run
 * again: what exists is kept. A broken file is reported by record and field, and then
 * nothing is written.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PLUGIN_ID } from 'strapi-plugin-campaign-desk/names';
import { withCms } from './lib/cms';
import { campaignDataset } from './seed/index';

const { values } = parseArgs({ options: { file: { type: 'string' } } });

function readDataset(): { data: unknown; source: string } {
  if (!values.file) return { data: campaignDataset(), source: 'scripts/seed (plan.json + sample stories)' };
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), values.file);
  try {
    return { data: JSON.parse(readFileSync(file, 'utf8')), source: path.basename(file) };
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
}

try {
  const { data, source } = readDataset();
  const summary = await withCms((strapi) => strapi.plugin(PLUGIN_ID).service('seed').load(data, source));
  console.log(`Seeded from ${source}:`);
  console.table(summary);
} catch (error) {
  console.error(`Seed failed, nothing was written.\n${(error as Error).message}`);
  process.exitCode = 1;
}
