import type { APIRoute } from 'astro';
import { rssResponse } from '../../lib/feeds';
import { PODCAST, feedItemsOf, podcastFeed } from '../../views/feeds';
import { pageView } from '../../views/page-family';

export const GET: APIRoute = (context) => {
  const view = pageView(podcastFeed, context)!;
  return rssResponse(view.channel, feedItemsOf(view), { ...PODCAST, imageUrl: PODCAST.imageUrl() });
};
