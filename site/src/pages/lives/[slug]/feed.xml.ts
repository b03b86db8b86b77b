import type { APIRoute } from 'astro';
import { rssResponse } from '../../../lib/feeds';
import { pageView } from '../../../views/page-family';
import { liveFeeds } from '../../../views/live';

export const GET: APIRoute = (context) => {
  const view = pageView(liveFeeds, context);
  if (!view) return new Response('Not found', { status: 404 });
  return rssResponse(view.channel, view.items);
};
