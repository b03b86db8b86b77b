/** A figure's page (典型人物): who they are, the relay of good deeds, the stories about them. */
import type { Column, Figure, Place } from '@campaign-desk/shared';
import { GROUPING, feedRef } from '../lib/groupings';
import { paths } from '../lib/paths';
import type { PageFamily } from './page-family';
import { cardsOf, deedsOf, pictureOf, type Card, type DeedItem, type Picture } from './parts';

/** The column that carries the relay of good deeds (接力唐光友，为民做好事). */
const RELAY_COLUMN = 'jieli-tang-guangyou';

export type FigureView = {
  figure: Figure;
  place: Place | null;
  portrait: Picture | null;
  deeds: DeedItem[];
  column: Column | null;
  feeds: Array<{ title: string; href: string }>;
  stories: Card[];
};

export const figurePages: PageFamily<{ slug: string }, FigureView> = {
  pages: (campaign) => campaign.figures.map((figure) => ({ path: paths.figure(figure), params: { slug: figure.slug } })),
  view: (campaign, { slug }) => {
    const figure = campaign.slugs.figures.get(slug);
    if (!figure) return null;
    const column = campaign.slugs.columns.get(RELAY_COLUMN) ?? null;
    return {
      figure,
      place: (figure.placeId && campaign.maps.places.get(figure.placeId)) || null,
      portrait: figure.portrait ? pictureOf(campaign, figure.portrait, [240, 480]) : null,
      deeds: deedsOf(campaign, campaign.goodDeedsOf(figure)),
      column,
      feeds: column ? [feedRef(GROUPING.columns, column)] : [],
      stories: cardsOf(campaign, campaign.storiesOfFigure(figure.documentId)),
    };
  },
};
