/**
 * 上稿: the states a placement (another outlet carrying a story) passes through, and what
 * each needs. Only a verified placement is a fact: it alone counts toward 全覆盖, goes into
 * the statistics and reports, and leaves the snapshot API for the site and its feeds.
 */

export const PLACEMENT_STATES = [
  { key: 'pitched', name: '已推送' },
  { key: 'carried', name: '已刊播' },
  { key: 'verified', name: '已核实' },
  { key: 'rejected', name: '未采用' },
] as const;

export type PlacementState = (typeof PLACEMENT_STATES)[number]['key'];

export const PLACEMENT_STATE_KEYS = PLACEMENT_STATES.map((state) => state.key) as [PlacementState, ...PlacementState[]];

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

/** Who entered a placement: the newsroom in the admin, or the outlet through its partner token. */
export const PLACEMENT_SOURCES = [
  { key: 'newsroom', name: '本单位录入' },
  { key: 'partner', name: '合作媒体回报' },
] as const;

export type PlacementSource = (typeof PLACEMENT_SOURCES)[number]['key'];

export function placementStateName(state: string): string {
  return PLACEMENT_STATES.find((entry) => entry.key === state)?.name ?? state;
}
