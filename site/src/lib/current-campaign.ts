/**
 * The campaign pages render now. The renderer sets it after each sync (see
 * render/runtime.ts); in `astro dev`, where there is no renderer, it is read from the
 * configured snapshot source on first use and again after a minute (lib/dev-campaign.ts).
 */
import type { Campaign } from './campaign';
import { loadDevCampaign } from './dev-campaign';

let current: Campaign | null = null;
let loading: Promise<Campaign> | null = null;

/** Makes `campaign` the one pages render (the renderer does, after each sync). */
export function useCampaign(campaign: Campaign): void {
  current = campaign;
}

/** The campaign to render. */
export async function getCampaign(): Promise<Campaign> {
  if (current && !import.meta.env.DEV) return current;
  loading ??= loadDevCampaign().finally(() => {
    loading = null;
  });
  return loading;
}

