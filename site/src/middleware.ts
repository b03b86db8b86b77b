/**
 * In `astro dev`, where there is no renderer, each request gets the campaign read from the
 * configured snapshot source (lib/dev-campaign.ts); the renderer passes its own with every
 * request it makes (render/runtime.ts), so this leaves that one alone.
 */
import { defineMiddleware } from 'astro:middleware';
import { loadDevCampaign } from './lib/dev-campaign';

export const onRequest = defineMiddleware(async ({ locals }, next) => {
  if (import.meta.env.DEV) locals.campaign ??= await loadDevCampaign();
  return next();
});
