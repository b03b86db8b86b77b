/** The index pages: the month archive, the columns, the places and the figures. */
import type { Column, Figure, Outlet, Place } from '@campaign-desk/shared';
import { single } from './page-family';

export const archiveIndex = single('/archive/', (campaign) => ({
  total: campaign.stories.length,
  months: campaign.months.map((month) => ({ month, stories: campaign.storiesOfMonth(month).length })),
}));

export type ColumnsIndexView = Array<{ column: Column; stories: number; outlets: Outlet[] }>;

export const columnsIndex = single('/columns/', (campaign): ColumnsIndexView =>
  campaign.columns.map((column) => ({
    column,
    stories: campaign.storiesOfColumn(column.documentId).length,
    outlets: campaign.pick(campaign.maps.outlets, column.outletIds),
  })),
);

export const placesIndex = single('/places/', (campaign): Array<{ place: Place; stories: number }> =>
  campaign.places.map((place) => ({ place, stories: campaign.storiesOfPlace(place.documentId).length })),
);

export const figuresIndex = single('/figures/', (campaign): Array<{ figure: Figure; deeds: number; stories: number }> =>
  campaign.figures.map((figure) => ({
    figure,
    deeds: campaign.goodDeedsOf(figure).length,
    stories: campaign.storiesOfFigure(figure.documentId).length,
  })),
);
