import type { APIRoute } from 'astro';
import { rssResponse } from '../lib/feeds';
import { feedItemsOf, rssFeed } from '../views/feeds';
import { pageView } from '../views/page-family';

export const GET: APIRoute = async ({ params }) => {
  const view = (await pageView(rssFeed, params))!;
  return rssResponse(view.channel, feedItemsOf(view));
};
