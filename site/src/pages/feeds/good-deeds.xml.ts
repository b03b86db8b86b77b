import type { APIRoute } from 'astro';
import { buildRss } from '../../lib/feeds';
import { goodDeedItemsOf, goodDeedsFeed } from '../../views/feeds';
import { pageView } from '../../views/page-family';

export const GET: APIRoute = async ({ params }) => {
  const view = (await pageView(goodDeedsFeed, params))!;
  return new Response(buildRss(view.channel, goodDeedItemsOf(view)), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
