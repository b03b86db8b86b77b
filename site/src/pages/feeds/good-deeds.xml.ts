import type { APIRoute } from 'astro';
import { rssResponse } from '../../lib/feeds';
import { goodDeedItemsOf, goodDeedsFeed } from '../../views/feeds';
import { pageView } from '../../views/page-family';

export const GET: APIRoute = async ({ params }) => {
  const view = (await pageView(goodDeedsFeed, params))!;
  return rssResponse(view.channel, goodDeedItemsOf(view));
};
