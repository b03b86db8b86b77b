/** The index pages: the month archive, the columns, the places and the figures. */
import type { Column, Figure, Outlet, Place } from '@campaign-desk/shared';
import { pick } from '../lib/campaign';
import { single } from './page-family';

export const archiveIndex = single('/archive/', (campaign) => ({
  total: campaign.stories.all.length,
  months: campaign.stories.months.map((month) => ({ month, stories: campaign.stories.of('month', month).length })),
}));

export type ColumnsIndexView = Array<{ column: Column; stories: number; outlets: Outlet[] }>;

export const columnsIndex = single(
  '/columns/',
  (campaign): ColumnsIndexView =>
    campaign.records.columns.map((column) => ({
      column,
      stories: campaign.stories.of('column', column.documentId).length,
      outlets: pick(campaign.records.byId.outlets, column.outletIds),
    })),
);

export const placesIndex = single(
  '/places/',
  (campaign): Array<{ place: Place; stories: number }> =>
    campaign.records.places.map((place) => ({ place, stories: campaign.stories.of('place', place.documentId).length })),
);

export const figuresIndex = single(
  '/figures/',
  (campaign): Array<{ figure: Figure; deeds: number; stories: number }> =>
    campaign.records.figures.map((figure) => ({
      figure,
      deeds: campaign.participation.goodDeedsOf(figure).length,
      stories: campaign.stories.of('figure', figure.documentId).length,
    })),
);
