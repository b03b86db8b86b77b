import type { APIRoute } from 'astro';
import { buildCalendar } from '../lib/ics';
import { pageView } from '../views/page-family';
import { calendarFile } from '../views/site-files';

export const GET: APIRoute = (context) => {
  const view = pageView(calendarFile, context)!;
  return new Response(buildCalendar(view.name, view.events), { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
