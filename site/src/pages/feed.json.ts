import type { APIRoute } from 'astro';
import { buildJsonFeed } from '../lib/feeds';
import { feedItemsOf, jsonFeedFile } from '../views/feeds';
import { pageView } from '../views/page-family';

export const GET: APIRoute = async ({ params }) => {
  const view = (await pageView(jsonFeedFile, params))!;
  return new Response(buildJsonFeed(view.channel, feedItemsOf(view)), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
};
