import type { APIRoute } from 'astro';
import { CAMPAIGN } from '@campaign-desk/shared';
import { getCampaign } from '../lib/campaign';
import { buildJsonFeed } from '../lib/feeds';
import { paths } from '../lib/paths';
import { SITE_NAME, channel, feedItems } from '../lib/syndication';

export const GET: APIRoute = async () => {
  const campaign = await getCampaign();
  const feed = channel(`${SITE_NAME}（全部稿件）`, `${CAMPAIGN.name}：全部稿件，含全文。`, '/', paths.jsonFeed, campaign.stories);
  const json = buildJsonFeed(feed, await feedItems(campaign, campaign.stories.slice(0, 50)));
  return new Response(json, { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
};
