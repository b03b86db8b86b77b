import type { APIRoute } from 'astro';
import { pageView } from '../../../views/page-family';
import { liveEntriesFiles } from '../../../views/live';

export const GET: APIRoute = (context) => {
  const view = pageView(liveEntriesFiles, context);
  if (!view) return new Response('Not found', { status: 404 });
  return new Response(JSON.stringify(view), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
