/** What readers and the newsroom's 好人好事 add: good deeds by figure, adopted suggestions by topic. */
import type { Figure, GoodDeed, Suggestion } from '@campaign-desk/shared';
import type { RecordSet } from '../../snapshot/record-set';

export type ParticipationIndex = ReturnType<typeof indexParticipation>;

function groupBy<T>(list: T[], key: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of list) {
    const at = key(item);
    if (at === null) continue;
    const group = groups.get(at);
    if (group) group.push(item);
    else groups.set(at, [item]);
  }
  return groups;
}

export function indexParticipation(records: RecordSet) {
  const goodDeeds = records.all('goodDeed').sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title, 'zh-CN'));
  // The wall of adopted suggestions: newest reply first.
  const suggestions = records
    .all('suggestion')
    .sort(
      (a, b) =>
        b.repliedOn.localeCompare(a.repliedOn) || b.receivedOn.localeCompare(a.receivedOn) || a.documentId.localeCompare(b.documentId),
    );
  const deedsByFigure = groupBy<GoodDeed>(goodDeeds, (deed) => deed.figureId || null);
  const suggestionsByTopic = groupBy<Suggestion>(suggestions, (suggestion) => suggestion.topic);
  return {
    goodDeeds,
    suggestions,
    goodDeedsOf: (figure: Figure) => deedsByFigure.get(figure.documentId) ?? [],
    suggestionsOfTopic: (topic: string) => suggestionsByTopic.get(topic) ?? [],
  };
}
