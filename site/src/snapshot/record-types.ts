/** The site's table of the contract's record types: the collection each is kept in, and its image. */
import type { RecordType } from '@campaign-desk/shared';

export const RECORD_TYPE_TABLE = {
  theme: { collection: 'themes', image: null },
  activity: { collection: 'activities', image: null },
  place: { collection: 'places', image: null },
  outlet: { collection: 'outlets', image: null },
  column: { collection: 'columns', image: 'cover' },
  figure: { collection: 'figures', image: 'portrait' },
  event: { collection: 'events', image: null },
  opinion: { collection: 'opinions', image: null },
  story: { collection: 'stories', image: 'cover' },
  goodDeed: { collection: 'goodDeeds', image: 'photo' },
  placement: { collection: 'placements', image: null },
  suggestion: { collection: 'suggestions', image: null },
  live: { collection: 'lives', image: null },
  liveEntry: { collection: 'liveEntries', image: 'photo' },
  quiz: { collection: 'quizzes', image: null },
  lectureTopic: { collection: 'lectureTopics', image: null },
} as const satisfies Record<RecordType, { collection: string; image: string | null }>;
