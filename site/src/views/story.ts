/** A story's page: the story, everything it refers to, its neighbours and related stories. */
import {
  CAMPAIGN,
  type Activity,
  type CampaignEvent,
  type Clause,
  type Column,
  type Figure,
  type Opinion,
  type Outlet,
  type Place,
  type Placement,
  type Story,
  type Theme,
} from '@campaign-desk/shared';
import { pick, type Campaign } from '../lib/campaign';
import { GROUPING, feedRef } from '../lib/groupings';
import { absoluteUrl, paths } from '../lib/paths';
import { sidesOf, type PageFamily } from './page-family';
import { playerOf, type Player } from './player';
import { cardsOf, pictureOf, shareDescription, shareImageOfStory, type Card, type Picture, type ShareImage } from './parts';

export type StoryView = {
  story: Story;
  /** Absolute URL of the page. */
  url: string;
  outlet: Outlet | null;
  printOutlet: Outlet | null;
  theme: Theme | null;
  columns: Column[];
  activities: Activity[];
  places: Place[];
  figures: Figure[];
  clauses: Array<{ clause: Clause; opinion: Opinion }>;
  event: CampaignEvent | null;
  placements: Array<{ placement: Placement; outlet: Outlet | null }>;
  cover: Picture | null;
  /** The story's audio or video, framed player or media link; null when it has none. */
  player: Player | null;
  /** What WeChat, Weibo and other share cards show: an image and a description. */
  share: { image: ShareImage; description: string };
  feeds: Array<{ title: string; href: string }>;
  neighbours: { column: Column | null; previous: Story | null; next: Story | null };
  related: Card[];
};

export function storyView(campaign: Campaign, story: Story): StoryView {
  const maps = campaign.records.byId;
  const theme = (story.themeId && maps.themes.get(story.themeId)) || null;
  const columns = pick(maps.columns, story.columnIds);
  const cover = story.cover ? pictureOf(campaign, story.cover, [360, 720, 1080]) : null;
  return {
    story,
    url: absoluteUrl(paths.story(story)),
    outlet: (story.outletId && maps.outlets.get(story.outletId)) || null,
    printOutlet: (story.printEdition && maps.outlets.get(story.printEdition.outletId)) || null,
    theme,
    columns,
    activities: pick(maps.activities, story.activityIds),
    places: pick(maps.places, story.placeIds),
    figures: pick(maps.figures, story.figureIds),
    clauses: story.clauseIds.flatMap((id) => campaign.records.clauses.get(id) ?? []),
    event: (story.eventId && maps.events.get(story.eventId)) || null,
    placements: campaign.placements
      .of(story.documentId)
      .map((placement) => ({ placement, outlet: maps.outlets.get(placement.outletId) ?? null })),
    cover,
    player: playerOf(campaign, story, cover?.src ?? null),
    share: { image: shareImageOfStory(campaign, story), description: shareDescription(story) },
    feeds: [
      ...columns.map((column) => feedRef(GROUPING.columns, column)),
      ...(theme ? [feedRef(GROUPING.themes, theme)] : []),
      ...pick(campaign.records.bySlug.kinds, [story.kind]).map((kind) => feedRef(GROUPING.kinds, kind)),
    ],
    neighbours: campaign.stories.neighbours(story),
    related: cardsOf(campaign, campaign.stories.related(story)),
  };
}

/** The schema.org NewsArticle of a story page, for search engines. */
export function storyJsonLd(view: StoryView): Record<string, unknown> {
  const { story } = view;
  const publisher = view.outlet?.name ?? CAMPAIGN.issuer;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: story.title.slice(0, 110),
    ...(story.summary ? { description: story.summary } : {}),
    datePublished: story.date,
    dateModified: story.updatedAt,
    inLanguage: 'zh-CN',
    mainEntityOfPage: { '@type': 'WebPage', '@id': view.url },
    url: view.url,
    image: [view.share.image.url],
    author:
      story.bylines.length > 0
        ? story.bylines.map((name) => ({ '@type': 'Person', name }))
        : [{ '@type': 'Organization', name: publisher }],
    publisher: { '@type': 'Organization', name: publisher },
    articleSection: view.columns.map((column) => column.name),
    keywords: [view.theme?.name, ...view.activities.map((activity) => activity.name)].filter(Boolean).join(','),
    isAccessibleForFree: true,
    ...mediaJsonLd(view),
  };
}

/** The story's own audio or video as schema.org sees it (search engines show a video's length and poster). */
function mediaJsonLd({ story, player, share }: StoryView): Record<string, unknown> {
  if (player?.kind !== 'video' && player?.kind !== 'audio') return {};
  const object = {
    '@type': player.kind === 'video' ? 'VideoObject' : 'AudioObject',
    name: story.title.slice(0, 110),
    description: share.description,
    contentUrl: player.src,
    encodingFormat: player.type,
    uploadDate: story.date,
    thumbnailUrl: [share.image.url],
    ...(player.duration ? { duration: player.duration.iso } : {}),
  };
  return { [player.kind]: object };
}

export const storyPages: PageFamily<{ slug: string }, StoryView> = {
  pages: (campaign) => campaign.stories.all.map((story) => ({ path: paths.story(story), params: { slug: story.slug } })),
  view: (campaign, { slug }) => {
    const story = campaign.stories.bySlug.get(slug);
    return story ? storyView(campaign, story) : null;
  },
  // A changed story's page, and those of the stories that show it (or did) as related or a neighbour.
  touchedBy: (change) =>
    sidesOf(change).flatMap(({ campaign, story }) =>
      [story, ...campaign.stories.nearby(story)].flatMap((shown) => {
        const held = change.after.stories.byId.get(shown.documentId);
        return held ? [paths.story(held)] : [];
      }),
    ),
};
