import type { APIRoute } from 'astro';
import { buildSitemapIndex } from '../lib/sitemap';
import { pageView } from '../views/page-family';
import { sitemapIndex } from '../views/site-files';

export const GET: APIRoute = (context) => {
  const view = pageView(sitemapIndex, context)!;
  return new Response(buildSitemapIndex(view.sitemaps), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
