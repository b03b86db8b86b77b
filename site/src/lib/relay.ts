/**
 * The relay of good deeds (接力唐光友，为民做好事): the figure whose baton it carries and the
 * column that reports it, by slug, said once for the pages that show the relay.
 */
import type { Column, Figure } from '@campaign-desk/shared';
import type { Campaign } from './campaign';

const RELAY_FIGURE = 'tang-guangyou';
const RELAY_COLUMN = 'jieli-tang-guangyou';

/** 唐光友, or (a campaign without him) the first figure; none when there are no figures. */
export function relayFigure(campaign: Campaign): Figure | null {
  return campaign.records.bySlug.figures.get(RELAY_FIGURE) ?? campaign.records.figures[0] ?? null;
}

export function relayColumn(campaign: Campaign): Column | null {
  return campaign.records.bySlug.columns.get(RELAY_COLUMN) ?? null;
}
