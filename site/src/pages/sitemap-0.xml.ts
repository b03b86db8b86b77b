import type { APIRoute } from 'astro';
import { buildUrlset } from '../lib/sitemap';
import { sitemapPage } from '../views';
import { pageView } from '../views/page-family';

export const GET: APIRoute = async ({ params }) => {
  const view = (await pageView(sitemapPage, params))!;
  return new Response(buildUrlset(view.urls), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
