import type { APIRoute } from 'astro';
import { rssResponse } from '../lib/feeds';
import { feedItemsOf, rssFeed } from '../views/feeds';
import { pageView } from '../views/page-family';

export const GET: APIRoute = (context) => {
  const view = pageView(rssFeed, context)!;
  return rssResponse(view.channel, feedItemsOf(view));
};
