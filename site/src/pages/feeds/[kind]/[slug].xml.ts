import type { APIRoute } from 'astro';
import { rssResponse } from '../../../lib/feeds';
import { feedItemsOf, groupingFeeds } from '../../../views/feeds';
import { pageView } from '../../../views/page-family';

export const GET: APIRoute = (context) => {
  const view = pageView(groupingFeeds, context);
  if (!view) return new Response('Not found', { status: 404 });
  return rssResponse(view.channel, feedItemsOf(view));
};
