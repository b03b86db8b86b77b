import type { APIRoute } from 'astro';
import { rssResponse } from '../../lib/feeds';
import { goodDeedItemsOf, goodDeedsFeed } from '../../views/feeds';
import { pageView } from '../../views/page-family';

export const GET: APIRoute = (context) => {
  const view = pageView(goodDeedsFeed, context)!;
  return rssResponse(view.channel, goodDeedItemsOf(view));
};
