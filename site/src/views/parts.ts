/** Pieces many views share: story cards, pictures, good deeds, events, the phases, coverage. */
import {
  LIVE_STATES,
  blocksToText,
  campaignPhaseAt,
  nameOf,
  type CampaignEvent,
  type CampaignPhase,
  type GoodDeed,
  type Image,
  type Outlet,
  type Place,
  type Story,
  type Theme,
} from '@campaign-desk/shared';
import type { Campaign } from '../lib/campaign';
import { absoluteUrl, href, paths } from '../lib/paths';
import { SITE_FEEDS, SITE_NAME, SITE_SHARE_IMAGE } from '../lib/site';
import { MEDIA_PATH, MEDIA_WIDTHS } from '../snapshot/media';

/** A story in a list: the story and the outlet it came from. */
export type Card = { story: Story; outlet: Outlet | null };

export function cardsOf(campaign: Campaign, stories: Story[]): Card[] {
  return stories.map((story) => ({ story, outlet: (story.outletId && campaign.records.byId.outlets.get(story.outletId)) || null }));
}

/**
 * An image as a page shows it: the local copies (WebP, and JPEG or PNG) at the widths the
 * page asks for, or the CMS's copy when there are none.
 */
export type Picture = {
  alt: string;
  caption: string | null;
  credit: string | null;
  width: number;
  height: number;
  src: string;
  srcset: string | null;
  webpSrcset: string | null;
};

export function pictureOf(campaign: Campaign, image: Image, widths: readonly number[] = MEDIA_WIDTHS): Picture {
  const entry = campaign.media(image.url);
  const base = { alt: image.alt, caption: image.caption, credit: image.credit };
  const variants = entry?.variants.filter((variant) => widths.includes(variant.width) || variant.width === entry.width) ?? [];
  if (!entry || variants.length === 0) {
    return { ...base, width: image.width, height: image.height, src: image.url, srcset: null, webpSrcset: null };
  }
  const srcset = (file: (variant: (typeof variants)[number]) => string) =>
    variants.map((variant) => `${href(`${MEDIA_PATH}${file(variant)}`)} ${variant.width}w`).join(', ');
  return {
    ...base,
    // The original's size: what the browser reserves room for, whichever copy it picks.
    width: entry.width,
    height: entry.height,
    src: href(`${MEDIA_PATH}${variants.at(-1)!.fallback}`),
    srcset: srcset((variant) => variant.fallback),
    webpSrcset: srcset((variant) => variant.webp),
  };
}

/** The 1200-pixel JPEG or PNG copy feeds and share cards use (absolute), or the CMS's copy. */
export function shareImageOf(campaign: Campaign, image: Image): { url: string; type: string; width: number; height: number } {
  const entry = campaign.media(image.url);
  const variant = entry?.variants.at(-1);
  if (!entry || !variant) return { url: image.url, type: image.mime, width: image.width, height: image.height };
  return {
    url: absoluteUrl(`${MEDIA_PATH}${variant.fallback}`),
    type: entry.fallbackType,
    width: variant.width,
    height: Math.round((entry.height * variant.width) / entry.width),
  };
}

/** The image of a share card (Open Graph): absolute, with its size, its type when known, and its text. */
export type ShareImage = { url: string; type: string | null; width: number; height: number; alt: string };

/** WeChat and Weibo show a card image that is 300 px or more each way, square or landscape. */
const fitsCard = (width: number, height: number) => width >= 300 && height >= 300 && width >= height;

/** The site's own card image (lib/site.ts), for pages without one of their own. */
export function siteShareImage(): ShareImage {
  const { path, type, width, height } = SITE_SHARE_IMAGE;
  return { url: absoluteUrl(path), type, width, height, alt: SITE_NAME };
}

/**
 * The share card image of a story: its cover's 1200-pixel copy, else the first image of its
 * body (absolute, with its size known), else the site's own, whichever first fits a card.
 */
export function shareImageOfStory(campaign: Campaign, story: Story): ShareImage {
  if (story.cover) {
    const copy = shareImageOf(campaign, story.cover);
    if (fitsCard(copy.width, copy.height)) return { ...copy, alt: story.cover.alt || story.title };
  }
  for (const block of story.body) {
    if (block.type !== 'image') continue;
    const { url, width, height, alternativeText } = block.image;
    if (/^https?:\/\//i.test(url) && width && height && fitsCard(width, height)) {
      return { url, type: null, width, height, alt: alternativeText || story.title };
    }
  }
  return siteShareImage();
}

/** What a share card says under the title: the summary, else the start of the text, within 120 characters. */
export function shareDescription(story: Story): string {
  const text = (story.summary?.trim() || blocksToText(story.body).trim() || story.title).replace(/\s+/g, ' ');
  const characters = [...text];
  return characters.length > 120 ? `${characters.slice(0, 119).join('')}…` : text;
}

/** A good deed in a list: the deed, where it was done, its photo. */
/** Where a good deed is shown: among its figure's deeds, or the relay's page when it names no figure. */
export function deedUrl(campaign: Campaign, deed: GoodDeed): string {
  const figure = deed.figureId ? campaign.records.byId.figures.get(deed.figureId) : undefined;
  return absoluteUrl(figure ? paths.goodDeed(figure, deed) : SITE_FEEDS.goodDeeds.htmlPath);
}

/** The records with a 分享海报 of their own; a quiz's are one per score, keyed `<documentId>:<score>`. */
export type PosterType = 'story' | 'figure' | 'goodDeed' | 'live' | 'quiz';

/** The key a record's 分享海报 is kept under (views/posters.ts says what each shows). */
export const posterKey = (type: PosterType, documentId: string) => `${type}:${documentId}`;

/** Where a page links a record's poster, or null when it has none (not drawn, or not yet). */
export function posterOf(campaign: Campaign, type: PosterType, documentId: string): string | null {
  const file = campaign.posters(posterKey(type, documentId));
  return file ? href(`${MEDIA_PATH}${file}`) : null;
}

export type DeedItem = { deed: GoodDeed; place: Place | null; photo: Picture | null; poster: string | null };

export function deedsOf(campaign: Campaign, deeds: GoodDeed[]): DeedItem[] {
  return deeds.map((deed) => ({
    deed,
    place: (deed.placeId && campaign.records.byId.places.get(deed.placeId)) || null,
    photo: deed.photo ? pictureOf(campaign, deed.photo, [360, 720]) : null,
    poster: posterOf(campaign, 'goodDeed', deed.documentId),
  }));
}

/** The relay's figures, on every page that shows them: claims of fact, so samples count only in a preview. */
export function relayCounts(campaign: Campaign): { deeds: number; doers: number; fromPublic: number } {
  const deeds = campaign.participation.goodDeeds.filter(campaign.factual);
  return {
    deeds: deeds.length,
    doers: new Set(deeds.map((deed) => deed.doer)).size,
    fromPublic: deeds.filter((deed) => deed.reportedByPublic).length,
  };
}

/** An event in a list: the event, its place, and the first stories reporting on it. */
export type EventItem = {
  event: CampaignEvent;
  place: Place | null;
  stories: Story[];
  /** Its 图文直播: title, state and page only, so an approved entry changes no event list. */
  lives: Array<{ title: string; state: string; path: string }>;
};

export function eventsOf(campaign: Campaign, events: CampaignEvent[]): EventItem[] {
  return events.map((event) => ({
    event,
    place: (event.placeId && campaign.records.byId.places.get(event.placeId)) || null,
    stories: campaign.stories.of('event', event.documentId).slice(0, 3),
    lives: campaign.lives.ofEvent(event.documentId).map((live) => ({
      title: live.title,
      state: nameOf(LIVE_STATES, live.state),
      path: paths.live(live),
    })),
  }));
}

/** The three phases, the one the campaign is in now, and each phase's stories once it is over. */
export type Timeline = {
  phase: CampaignPhase;
  themes: Array<{ theme: Theme; current: boolean; stories: number | null }>;
};

export function timelineOf(campaign: Campaign): Timeline {
  const phase = campaignPhaseAt(campaign.now);
  return {
    phase,
    themes: campaign.records.themes.map((theme) => ({
      theme,
      current: phase.state === 'during' && phase.theme?.slug === theme.slug,
      stories: phase.state === 'after' ? campaign.stories.of('theme', theme.documentId).length : null,
    })),
  };
}

/** Central and provincial outlets reached against the goal of 全覆盖. */
export type Coverage = Campaign['coverage']['levels'];
