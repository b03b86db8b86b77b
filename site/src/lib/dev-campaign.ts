/**
 * The campaign in `astro dev`: read whole from the configured snapshot source (see
 * snapshot/source.ts) on first use, and again once it is a minute old, so a developer sees
 * edits without a renderer. Images come from the CMS.
 */
import { RecordSet } from '../snapshot/record-set';
import { readSnapshot, sourceFromEnv } from '../snapshot/source';
import { buildNow, indexCampaign, type Campaign } from './campaign';
import { previewFromEnv } from './preview';

const FRESH_MS = 60_000;
let held: { at: number; campaign: Campaign } | null = null;

export async function loadDevCampaign(): Promise<Campaign> {
  if (held && Date.now() - held.at < FRESH_MS) return held.campaign;
  const records = new RecordSet();
  records.apply(await readSnapshot(sourceFromEnv(), undefined), true);
  held = { at: Date.now(), campaign: indexCampaign(records, buildNow(), { preview: previewFromEnv() }) };
  return held.campaign;
}
