import type { APIRoute } from 'astro';
import { buildUrlset } from '../lib/sitemap';
import { sitemapPage } from '../views';
import { pageView } from '../views/page-family';

export const GET: APIRoute = (context) => {
  const view = pageView(sitemapPage, context)!;
  return new Response(buildUrlset(view.urls), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
