import type { APIRoute } from 'astro';
import { buildRss } from '../../lib/feeds';
import { featuredFeed, feedItemsOf } from '../../views/feeds';
import { pageView } from '../../views/page-family';

export const GET: APIRoute = async ({ params }) => {
  const view = (await pageView(featuredFeed, params))!;
  return new Response(buildRss(view.channel, feedItemsOf(view)), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
