import type { APIRoute } from 'astro';
import { getCampaign } from '../lib/campaign';
import { paths } from '../lib/paths';
import { buildRss, feedItems, rssResponse, siteChannel } from '../lib/syndication';

export const GET: APIRoute = async () => {
  const campaign = await getCampaign();
  return rssResponse(buildRss(siteChannel(campaign, paths.rss), await feedItems(campaign, campaign.stories)));
};
