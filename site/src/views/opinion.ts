/** A policy document's page (the 《意见》): its clauses, each beside the stories interpreting it. */
import type { CampaignEvent, Clause, Opinion } from '@campaign-desk/shared';
import { GROUPING, feedRef } from '../lib/groupings';
import { paths } from '../lib/paths';
import { sidesOf, type PageFamily } from './page-family';
import { cardsOf, type Card } from './parts';
import { quizzesOn } from './quiz';

/** The column of interpretations of the 《意见》. */
const INTERPRETATION_COLUMN = 'yijian-jiedu';

export type OpinionView = {
  opinion: Opinion;
  event: CampaignEvent | null;
  feeds: Array<{ title: string; href: string }>;
  clauses: Array<{ clause: Clause; interpretations: Card[] }>;
  /** 知识竞答 on its clauses. */
  quizzes: Array<{ title: string; href: string }>;
};

export const opinionPages: PageFamily<{ slug: string }, OpinionView> = {
  pages: (campaign) => campaign.records.opinions.map((opinion) => ({ path: paths.opinion(opinion), params: { slug: opinion.slug } })),
  view: (campaign, { slug }) => {
    const opinion = campaign.records.bySlug.opinions.get(slug);
    if (!opinion) return null;
    const column = campaign.records.bySlug.columns.get(INTERPRETATION_COLUMN);
    return {
      opinion,
      event: (opinion.adoptedAtEventId && campaign.records.byId.events.get(opinion.adoptedAtEventId)) || null,
      feeds: column ? [feedRef(GROUPING.columns, column)] : [],
      clauses: campaign.records.clausesOf(opinion).map((clause) => ({
        clause,
        interpretations: cardsOf(campaign, campaign.stories.of('clause', clause.documentId)),
      })),
      quizzes: quizzesOn(campaign, opinion),
    };
  },
  // The pages of the documents whose clauses a changed story interprets (or did).
  touchedBy: (change) =>
    sidesOf(change).flatMap(({ story }) =>
      story.clauseIds.flatMap((id) => {
        const held = change.after.records.clauses.get(id);
        return held ? [paths.opinion(held.opinion)] : [];
      }),
    ),
};
