/** The home page: the campaign at a glance. */
import type { Campaign } from '../lib/campaign';
import type { Column, Figure, Opinion, Story } from '@campaign-desk/shared';
import { MEDIA_KINDS } from '../lib/campaign';
import { relayFigure } from '../lib/relay';
import { single } from './page-family';
import {
  cardsOf,
  deedsOf,
  eventsOf,
  relayCounts,
  timelineOf,
  type Card,
  type Coverage,
  type DeedItem,
  type EventItem,
  type Timeline,
} from './parts';

export type HomeView = {
  activities: Campaign['records']['activities'];
  timeline: Timeline;
  latest: Card[];
  relay: { figure: Figure; deeds: number; doers: number; fromPublic: number; recent: DeedItem[] } | null;
  /** 建言献策: how many suggestions the newsroom adopted and replied to (a claim of fact: samples only in a preview). */
  suggestions: number;
  columns: Array<{ column: Column; stories: number }>;
  opinion: { opinion: Opinion; interpretations: Card[] } | null;
  /** The next events, or (when none is coming) the last ones. */
  events: { upcoming: boolean; items: EventItem[] };
  media: Card[];
  coverage: Coverage;
  places: Campaign['records']['places'];
  months: string[];
};

/** The newest `count` stories of the fusion-media kinds (video, H5, live, audio). */
function newestMedia(campaign: Campaign, count: number): Story[] {
  const time = (story: Story) => Date.parse(story.date);
  return [...MEDIA_KINDS]
    .flatMap((kind) => campaign.stories.of('kind', kind).slice(0, count))
    .sort((a, b) => time(b) - time(a) || a.documentId.localeCompare(b.documentId))
    .slice(0, count);
}

export const homePage = single('/', (campaign): HomeView => {
  const tang = relayFigure(campaign);
  const opinion = campaign.records.bySlug.opinions.get('yijian') ?? campaign.records.opinions[0];
  const now = campaign.now.getTime();
  const upcoming = campaign.records.events.filter((event) => Date.parse(event.startsAt) >= now);
  const past = campaign.records.events.filter((event) => Date.parse(event.startsAt) < now);
  return {
    activities: campaign.records.activities,
    timeline: timelineOf(campaign),
    latest: cardsOf(campaign, campaign.stories.all.slice(0, 8)),
    relay: tang
      ? {
          figure: tang,
          ...relayCounts(campaign),
          recent: deedsOf(campaign, campaign.participation.goodDeeds.slice(0, 3)),
        }
      : null,
    suggestions: campaign.participation.suggestions.filter(campaign.factual).length,
    columns: campaign.records.columns.map((column) => ({ column, stories: campaign.stories.of('column', column.documentId).length })),
    opinion: opinion ? { opinion, interpretations: cardsOf(campaign, campaign.stories.of('kind', 'interpretation').slice(0, 4)) } : null,
    events:
      upcoming.length > 0
        ? { upcoming: true, items: eventsOf(campaign, upcoming.slice(0, 3)) }
        : { upcoming: false, items: eventsOf(campaign, past.slice(-3).reverse()) },
    media: cardsOf(campaign, newestMedia(campaign, 6)),
    coverage: campaign.coverage.levels,
    places: campaign.records.places,
    months: campaign.stories.months,
  };
});
