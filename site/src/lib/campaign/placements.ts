/** Placements (上稿) of the stories held, newest first, by story. */
import type { Placement } from '@campaign-desk/shared';
import type { RecordSet } from '../../snapshot/record-set';

export type PlacementIndex = ReturnType<typeof indexPlacements>;

export function indexPlacements(records: RecordSet) {
  // Placements of stories not held (withdrawn since) are not shown.
  const all = records
    .all('placement')
    .filter((placement) => records.has('story', placement.storyId))
    .sort((a, b) => b.date.localeCompare(a.date) || a.documentId.localeCompare(b.documentId));
  const byStory = new Map<string, Placement[]>();
  for (const placement of all) {
    const list = byStory.get(placement.storyId);
    if (list) list.push(placement);
    else byStory.set(placement.storyId, [placement]);
  }
  return {
    all,
    /** A story's placements, newest first. */
    of: (storyId: string) => byStory.get(storyId) ?? [],
  };
}
