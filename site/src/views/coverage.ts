/** Coverage (媒体上稿与覆盖): outlets reached against the goal, and every placement. */
import type { Outlet, Placement, Story } from '@campaign-desk/shared';
import { single } from './page-family';
import type { Coverage } from './parts';

export type CoverageView = {
  coverage: Coverage;
  outlets: Array<{ outlet: Outlet; stories: number; reached: boolean }>;
  placements: Array<{ placement: Placement; story: Story; outlet: Outlet | null }>;
};

export const coveragePage = single('/coverage/', (campaign): CoverageView => ({
  coverage: campaign.coverage,
  outlets: campaign.outlets.map((outlet) => ({
    outlet,
    stories: campaign.storiesOfOutlet(outlet.documentId).length,
    reached: campaign.reached.has(outlet.documentId),
  })),
  placements: campaign.placements.map((placement) => ({
    placement,
    story: campaign.maps.stories.get(placement.storyId)!,
    outlet: campaign.maps.outlets.get(placement.outletId) ?? null,
  })),
}));
