/**
 * Coverage (媒体上稿与覆盖): the central and provincial outlets carrying the campaign against
 * the goal of 全覆盖, and the placements that count (see `counted` in lib/campaign/coverage.ts).
 * Who has not carried it yet is the newsroom's internal target (统计, 周报), never published.
 */
import type { Outlet, Placement, Story } from '@campaign-desk/shared';
import { single } from './page-family';
import type { Coverage } from './parts';

export type CoverageView = {
  coverage: Coverage;
  /** The target outlets that carried the campaign, each with its counted placements. */
  outlets: Array<{ outlet: Outlet; placements: number }>;
  placements: Array<{ placement: Placement; story: Story; outlet: Outlet }>;
  /** The campaign's own media and the counties', which 全覆盖 does not measure. */
  local: Outlet[];
  preview: boolean;
};

export const coveragePage = single(
  '/coverage/',
  (campaign): CoverageView => ({
    coverage: campaign.coverage.levels,
    outlets: campaign.coverage.levels.flatMap((level) =>
      level.carried.map((outlet) => ({ outlet, placements: campaign.coverage.placedIn.get(outlet.documentId)! })),
    ),
    placements: campaign.coverage.counted.map((placement) => ({
      placement,
      story: campaign.stories.byId.get(placement.storyId)!,
      outlet: campaign.records.byId.outlets.get(placement.outletId)!,
    })),
    local: campaign.records.outlets.filter(
      (outlet) => (outlet.level === 'municipal' || outlet.level === 'county') && campaign.factual(outlet),
    ),
    preview: campaign.preview,
  }),
);
