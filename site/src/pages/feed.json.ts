import type { APIRoute } from 'astro';
import { buildJsonFeed } from '../lib/feeds';
import { feedItemsOf, jsonFeedFile } from '../views/feeds';
import { pageView } from '../views/page-family';

export const GET: APIRoute = (context) => {
  const view = pageView(jsonFeedFile, context)!;
  return new Response(buildJsonFeed(view.channel, feedItemsOf(view)), {
    headers: { 'Content-Type': 'application/feed+json; charset=utf-8' },
  });
};
