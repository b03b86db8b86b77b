/**
 * Coverage: the plan's headline goal, every central and provincial outlet carrying the
 * campaign. Only a placement counts (the snapshot holds verified ones only), and only one
 * that is fact: a real placement of a real story in a real outlet.
 */
import { OUTLET_LEVELS, nameOf } from '@campaign-desk/shared';
import type { PlacementIndex } from './placements';
import type { RecordIndex } from './records';
import type { StoryIndex } from './stories';

export type Coverage = ReturnType<typeof countCoverage>;

export function countCoverage(
  records: RecordIndex,
  stories: StoryIndex,
  placements: PlacementIndex,
  factual: (record: { sample: boolean }) => boolean,
) {
  const counted = placements.all.filter((placement) => {
    const outlet = records.byId.outlets.get(placement.outletId);
    return outlet !== undefined && factual(placement) && factual(stories.byId.get(placement.storyId)!) && factual(outlet);
  });
  const placedIn = new Map<string, number>();
  for (const placement of counted) placedIn.set(placement.outletId, (placedIn.get(placement.outletId) ?? 0) + 1);
  const levels = (['central', 'provincial'] as const).map((level) => {
    const atLevel = records.outlets.filter((outlet) => outlet.level === level && factual(outlet));
    const carried = atLevel.filter((outlet) => placedIn.has(outlet.documentId));
    return { level, name: nameOf(OUTLET_LEVELS, level), outlets: atLevel, carried };
  });
  return {
    /** Central and provincial outlets: which carried the campaign, which did not yet. */
    levels,
    /** The placements coverage counts (fact, or any in a preview), newest first. */
    counted,
    /** How many counted placements each outlet has, by documentId. */
    placedIn,
  };
}
