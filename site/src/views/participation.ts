/**
 * Public participation (群众参与): 建言献策 (the form, and the wall of adopted suggestions
 * with the newsroom's replies and the count by topic), the relay of good deeds with the form
 * to report one, and the thank-you page a plain form post comes back to.
 */
import { SUGGESTION_TOPICS, nameOf, type Figure, type Place, type Suggestion } from '@campaign-desk/shared';
import { paths } from '../lib/paths';
import { relayColumn, relayFigure } from '../lib/relay';
import { single } from './page-family';
import { deedsOf, relayCounts, type DeedItem } from './parts';

export type SuggestionsView = {
  topics: Array<{ key: string; name: string; count: number }>;
  suggestions: Array<{ suggestion: Suggestion; topic: string }>;
};

export const suggestionsPage = single(
  paths.suggestions,
  (campaign): SuggestionsView => ({
    // Counts are claims of fact: samples count only in a preview (the wall shows them, marked).
    topics: SUGGESTION_TOPICS.map((topic) => ({
      key: topic.key,
      name: topic.name,
      count: campaign.participation.suggestionsOfTopic(topic.key).filter(campaign.factual).length,
    })),
    suggestions: campaign.participation.suggestions.map((suggestion) => ({
      suggestion,
      topic: nameOf(SUGGESTION_TOPICS, suggestion.topic),
    })),
  }),
);

export type GoodDeedsView = {
  figure: Figure | null;
  column: { name: string; href: string } | null;
  deeds: DeedItem[];
  counts: ReturnType<typeof relayCounts>;
  places: Place[];
};

export const goodDeedsPage = single(paths.goodDeeds, (campaign): GoodDeedsView => {
  const column = relayColumn(campaign);
  return {
    figure: relayFigure(campaign),
    column: column ? { name: column.name, href: paths.column(column) } : null,
    deeds: deedsOf(campaign, campaign.participation.goodDeeds),
    counts: relayCounts(campaign),
    places: campaign.records.places,
  };
});

export const thanksPage = single(paths.thanks, () => ({}));
