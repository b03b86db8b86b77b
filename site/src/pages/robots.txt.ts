import type { APIRoute } from 'astro';
import { pageView } from '../views/page-family';
import { robotsFile } from '../views/site-files';

export const GET: APIRoute = (context) => {
  const view = pageView(robotsFile, context)!;
  const rules = `${view.preview ? 'Disallow' : 'Allow'}: ${view.scope}`;
  return new Response(`User-agent: *\n${rules}\n\nSitemap: ${view.sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
