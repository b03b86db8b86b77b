/** A figure's page (典型人物): who they are, the relay of good deeds, the stories about them. */
import type { Column, Figure, Place } from '@campaign-desk/shared';
import { pick } from '../lib/campaign';
import { GROUPING, feedRef } from '../lib/groupings';
import { paths } from '../lib/paths';
import { relayColumn, relayFigure } from '../lib/relay';
import { sidesOf, type PageFamily } from './page-family';
import { cardsOf, deedsOf, pictureOf, type Card, type DeedItem, type Picture } from './parts';

export type FigureView = {
  figure: Figure;
  place: Place | null;
  portrait: Picture | null;
  deeds: DeedItem[];
  column: Column | null;
  feeds: Array<{ title: string; href: string }>;
  stories: Card[];
  /** The figure whose relay it is has the form to report a good deed: the places to pick from. */
  report: { places: Place[] } | null;
};

export const figurePages: PageFamily<{ slug: string }, FigureView> = {
  pages: (campaign) => campaign.records.figures.map((figure) => ({ path: paths.figure(figure), params: { slug: figure.slug } })),
  view: (campaign, { slug }) => {
    const figure = campaign.records.bySlug.figures.get(slug);
    if (!figure) return null;
    const column = relayColumn(campaign);
    return {
      figure,
      place: (figure.placeId && campaign.records.byId.places.get(figure.placeId)) || null,
      portrait: figure.portrait ? pictureOf(campaign, figure.portrait, [240, 480]) : null,
      deeds: deedsOf(campaign, campaign.participation.goodDeedsOf(figure)),
      column,
      feeds: column ? [feedRef(GROUPING.columns, column)] : [],
      stories: cardsOf(campaign, campaign.stories.of('figure', figure.documentId)),
      report: relayFigure(campaign)?.documentId === figure.documentId ? { places: campaign.records.places } : null,
    };
  },
  // The pages of the figures a changed story is (or was) about.
  touchedBy: (change) =>
    sidesOf(change).flatMap(({ story }) => pick(change.after.records.byId.figures, story.figureIds).map((figure) => paths.figure(figure))),
};
