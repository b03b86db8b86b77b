import type { APIRoute } from 'astro';
import { pageView } from '../views/page-family';
import { robotsFile } from '../views/site-files';

export const GET: APIRoute = async ({ params }) => {
  const view = (await pageView(robotsFile, params))!;
  const rules = `${view.preview ? 'Disallow' : 'Allow'}: ${view.scope}`;
  return new Response(`User-agent: *\n${rules}\n\nSitemap: ${view.sitemap}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
