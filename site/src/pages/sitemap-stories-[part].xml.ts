import type { APIRoute } from 'astro';
import { buildUrlset } from '../lib/sitemap';
import { sitemapStoryParts } from '../views/site-files';
import { pageView } from '../views/page-family';

export const GET: APIRoute = (context) => {
  const view = pageView(sitemapStoryParts, context);
  if (!view) return new Response('Not found', { status: 404 });
  return new Response(buildUrlset(view.urls), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
