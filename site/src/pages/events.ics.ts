import type { APIRoute } from 'astro';
import { CAMPAIGN } from '@campaign-desk/shared';
import { eventKindName, getCampaign } from '../lib/campaign';
import { buildCalendar } from '../lib/ics';
import { absoluteUrl, paths, siteUrl } from '../lib/paths';

export const GET: APIRoute = async () => {
  const campaign = await getCampaign();
  const host = siteUrl().hostname;
  const ics = buildCalendar(
    `${CAMPAIGN.shortName}日程`,
    campaign.events.map((event) => {
      const place = event.placeId ? campaign.maps.places.get(event.placeId) : undefined;
      return {
        uid: `${event.documentId}@${host}`,
        title: event.title,
        startsAt: event.startsAt,
        endsAt: event.endsAt,
        updatedAt: event.updatedAt,
        location: [place?.name, event.venue].filter(Boolean).join(' ') || null,
        description: event.summary,
        url: absoluteUrl(paths.event(event)),
        categories: [eventKindName(event.kind)],
      };
    }),
  );
  return new Response(ics, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
