/**
 * Coverage (媒体上稿与覆盖): the central and provincial outlets carrying the campaign against
 * the goal of 全覆盖, and the placements that count (see `counted` in lib/campaign/coverage.ts).
 */
import type { Outlet, Placement, Story } from '@campaign-desk/shared';
import { single } from './page-family';
import type { Coverage } from './parts';

export type CoverageView = {
  coverage: Coverage;
  /** The target outlets, each with its counted placements. */
  outlets: Array<{ outlet: Outlet; placements: number }>;
  placements: Array<{ placement: Placement; story: Story; outlet: Outlet }>;
  /** The campaign's own media and the counties', which 全覆盖 does not measure. */
  local: Outlet[];
  preview: boolean;
};

export const coveragePage = single('/coverage/', (campaign): CoverageView => ({
  coverage: campaign.coverage.levels,
  outlets: campaign.coverage.levels.flatMap((level) =>
    level.outlets.map((outlet) => ({ outlet, placements: campaign.coverage.placedIn.get(outlet.documentId) ?? 0 })),
  ),
  placements: campaign.coverage.counted.map((placement) => ({
    placement,
    story: campaign.stories.byId.get(placement.storyId)!,
    outlet: campaign.records.byId.outlets.get(placement.outletId)!,
  })),
  local: campaign.records.outlets.filter((outlet) => (outlet.level === 'municipal' || outlet.level === 'county') && campaign.factual(outlet)),
  preview: campaign.preview,
}));
