import type { APIRoute } from 'astro';
import { buildRss } from '../../../lib/feeds';
import { feedItemsOf, groupingFeeds } from '../../../views/feeds';
import { pageView } from '../../../views/page-family';

export const GET: APIRoute = async ({ params }) => {
  const view = await pageView(groupingFeeds, params);
  if (!view) return new Response('Not found', { status: 404 });
  return new Response(buildRss(view.channel, feedItemsOf(view)), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
