/** The calendar of events (日程), upcoming and past, each grouped by the phase it belongs to. */
import type { CampaignEvent } from '@campaign-desk/shared';
import type { Campaign } from '../lib/campaign';
import { single } from './page-family';
import { eventsOf, type EventItem } from './parts';

export type EventGroup = { key: string; label: string; items: EventItem[] };

function byPhase(campaign: Campaign, events: CampaignEvent[]): EventGroup[] {
  const groups = new Map<string, { label: string; order: number; events: CampaignEvent[] }>();
  for (const event of events) {
    const phase = campaign.records.phaseOfEvent(event);
    const group = groups.get(phase.key) ?? { label: phase.label, order: phase.order, events: [] };
    group.events.push(event);
    groups.set(phase.key, group);
  }
  return [...groups.entries()]
    .sort((a, b) => a[1].order - b[1].order)
    .map(([key, group]) => ({ key, label: group.label, items: eventsOf(campaign, group.events) }));
}

export const eventsPage = single('/events/', (campaign) => {
  const now = campaign.now.getTime();
  return {
    upcoming: byPhase(
      campaign,
      campaign.records.events.filter((event) => Date.parse(event.startsAt) >= now),
    ),
    past: byPhase(
      campaign,
      campaign.records.events.filter((event) => Date.parse(event.startsAt) < now),
    ),
  };
});
