import type { APIRoute } from 'astro';
import { getCampaign } from '../lib/campaign';
import { buildJsonFeed } from '../lib/feeds';
import { paths } from '../lib/paths';
import { feedItems, siteChannel } from '../lib/syndication';

export const GET: APIRoute = async () => {
  const campaign = await getCampaign();
  const json = buildJsonFeed(siteChannel(campaign, paths.jsonFeed), await feedItems(campaign, campaign.stories));
  return new Response(json, { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
};
