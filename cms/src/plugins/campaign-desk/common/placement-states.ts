/**
 * 上稿: the states a placement (another outlet carrying a story) passes through, and what
 * each needs. Only a verified placement is a fact: it alone counts toward 全覆盖, goes into
 * the statistics and reports, and leaves the snapshot API for the site and its feeds.
 */
import { PLACEMENT_STATES, nameOf, type PlacementState } from '@campaign-desk/shared';

/**
 * Where each state may lead. A placement is entered as pitched or, after the fact (or by a
 * partner's report), as carried; a verification can be taken back, and an outlet that
 * declined may still carry the story later.
 */
export const PLACEMENT_MOVES: Record<PlacementState, readonly PlacementState[]> = {
  pitched: ['carried', 'rejected'],
  carried: ['verified', 'rejected'],
  verified: ['carried'],
  rejected: ['pitched', 'carried'],
};

export const placementStateName = (state: string): string => nameOf(PLACEMENT_STATES, state);
