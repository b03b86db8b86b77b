import type { APIRoute } from 'astro';
import { buildOpml } from '../lib/feeds';
import { SITE_NAME } from '../lib/site';
import { opmlFile } from '../views/feeds';
import { pageView } from '../views/page-family';

export const GET: APIRoute = (context) => {
  const view = pageView(opmlFile, context)!;
  return new Response(buildOpml(`${SITE_NAME} · 全部订阅源`, view.listings, view.created), {
    headers: { 'Content-Type': 'text/x-opml; charset=utf-8' },
  });
};
