import type { APIRoute } from 'astro';
import { buildCalendar } from '../lib/ics';
import { pageView } from '../views/page-family';
import { calendarFile } from '../views/site-files';

export const GET: APIRoute = async ({ params }) => {
  const view = (await pageView(calendarFile, params))!;
  return new Response(buildCalendar(view.name, view.events), { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
