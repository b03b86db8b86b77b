import type { APIRoute } from 'astro';
import { CAMPAIGN } from '@campaign-desk/shared';
import { getCampaign } from '../lib/campaign';
import { paths } from '../lib/paths';
import { SITE_NAME, buildRss, channel, feedItems, rssResponse } from '../lib/syndication';

export const GET: APIRoute = async () => {
  const campaign = await getCampaign();
  const stories = campaign.stories.slice(0, 50);
  const feed = channel(`${SITE_NAME}（全部稿件）`, `${CAMPAIGN.name}：全部稿件，含全文。`, '/', paths.rss, campaign.stories);
  return rssResponse(buildRss(feed, await feedItems(campaign, stories)));
};
