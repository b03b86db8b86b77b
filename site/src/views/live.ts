/**
 * 图文直播's pages: the live page (entries newest first, pinned ones on top, all there at load),
 * the same list bare for partners' frames, the entries file the pages' script fetches while the
 * live is on, and the partners' feed. Each view holds only the live, its event and its entries,
 * so an approval changes these four files and no other.
 */
import { LIVE_QUESTION_ENDPOINT, LIVE_STATES, nameOf, type CampaignEvent, type Live, type LiveEntry } from '@campaign-desk/shared';
import type { Campaign } from '../lib/campaign';
import { FEED_ITEM_LIMIT, plainLine, type FeedChannel, type FeedItem } from '../lib/feeds';
import { absoluteUrl, href, paths, submitUrl } from '../lib/paths';
import { entryHtml, type EntryPhoto } from './live-entry';
import type { PageFamily, RecordChange } from './page-family';
import { pictureOf, posterOf, shareImageOf } from './parts';

/** How often an open page asks for new entries while the live is on. */
export const LIVE_POLL_MS = 3_000;

export type LiveView = {
  live: Live;
  stateName: string;
  event: CampaignEvent | null;
  /** Pinned first, then newest first; each as the HTML entryHtml made. */
  entries: Array<{ documentId: string; html: string }>;
  /** The page's script fetches this while the live is on (null: no script at all). */
  poll: { src: string; everyMs: number } | null;
  /** Where a reader's question posts, while the live is on and takes questions (网友提问); null: no form. */
  ask: string | null;
  feedHref: string;
  embedSnippet: string;
  /** Its 分享海报, when drawn. */
  poster: string | null;
  jsonLd: Record<string, unknown>;
};

const ordered = (entries: LiveEntry[]) => [...entries.filter((entry) => entry.pinned), ...entries.filter((entry) => !entry.pinned)];

function photoOf(campaign: Campaign, entry: LiveEntry): EntryPhoto | null {
  if (!entry.photo) return null;
  const picture = pictureOf(campaign, entry.photo, [360, 720]);
  return { src: picture.src, srcset: picture.srcset, width: picture.width, height: picture.height, alt: picture.alt };
}

function liveView(campaign: Campaign, live: Live): LiveView {
  const event = (live.eventId && campaign.records.byId.events.get(live.eventId)) || null;
  const entries = campaign.lives.entriesOf(live);
  const url = absoluteUrl(paths.live(live));
  return {
    live,
    stateName: nameOf(LIVE_STATES, live.state),
    event,
    entries: ordered(entries).map((entry) => ({ documentId: entry.documentId, html: entryHtml(entry, photoOf(campaign, entry)) })),
    poll: live.state === 'on_air' ? { src: href(paths.liveEntries(live)), everyMs: LIVE_POLL_MS } : null,
    ask: live.state === 'on_air' && live.questions ? submitUrl(`${LIVE_QUESTION_ENDPOINT}/${live.slug}`) : null,
    poster: posterOf(campaign, 'live', live.documentId),
    feedHref: paths.liveFeed(live),
    embedSnippet:
      `<iframe src="${absoluteUrl(paths.liveEmbed(live))}" title="${live.title.replace(/["<>&]/g, '')}" ` +
      'width="100%" height="640" loading="lazy" style="border:0"></iframe>',
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'LiveBlogPosting',
      headline: live.title.slice(0, 110),
      url,
      mainEntityOfPage: { '@type': 'WebPage', '@id': url },
      inLanguage: 'zh-CN',
      ...(live.summary ? { description: live.summary } : {}),
      datePublished: live.publishedAt,
      dateModified: entries[0]?.updatedAt ?? live.updatedAt,
      ...(event
        ? {
            coverageStartTime: event.startsAt,
            ...(event.endsAt ? { coverageEndTime: event.endsAt } : {}),
            about: { '@type': 'Event', name: event.title, startDate: event.startsAt, ...(event.venue ? { location: event.venue } : {}) },
          }
        : {}),
      liveBlogUpdate: entries.slice(0, FEED_ITEM_LIMIT).map((entry) => ({
        '@type': 'BlogPosting',
        headline: plainLine(entry.text, 60),
        articleBody: entry.text,
        datePublished: entry.postedAt,
        url: `${url}#${paths.liveEntryAnchor(entry)}`,
      })),
    },
  };
}

const pagesOf = (path: (live: Live) => string) => (campaign: Campaign) =>
  campaign.lives.all.map((live) => ({ path: path(live), params: { slug: live.slug } }));

/**
 * The family's pages of the lives whose entries changed (a change of stories touches none:
 * these views hold only the live, its event and its entries).
 */
const touchedOf = (path: (live: Live) => string) => (change: RecordChange) =>
  change.entries.flatMap(({ was, is }) =>
    [was?.liveId, is?.liveId].flatMap((liveId) => {
      const live = liveId ? change.after.lives.byId.get(liveId) : undefined;
      return live ? [path(live)] : [];
    }),
  );

const viewOf =
  <V>(make: (campaign: Campaign, live: Live) => V) =>
  (campaign: Campaign, { slug }: { slug: string }) => {
    const live = campaign.lives.bySlug.get(slug);
    return live ? make(campaign, live) : null;
  };

export const livePages: PageFamily<{ slug: string }, LiveView> = {
  pages: pagesOf(paths.live),
  view: viewOf(liveView),
  touchedBy: touchedOf(paths.live),
};

/** The same list with no site frame, for partners' pages (the embed snippet). */
export const liveEmbeds: PageFamily<{ slug: string }, LiveView> = {
  pages: pagesOf(paths.liveEmbed),
  view: viewOf(liveView),
  touchedBy: touchedOf(paths.liveEmbed),
};

export type LiveEntriesFile = { state: Live['state']; stateName: string; entries: LiveView['entries'] };

/** What the pages' script fetches: the state and every entry's HTML, in the page's order. */
export const liveEntriesFiles: PageFamily<{ slug: string }, LiveEntriesFile> = {
  pages: pagesOf(paths.liveEntries),
  touchedBy: touchedOf(paths.liveEntries),
  view: viewOf((campaign, live) => {
    const { stateName, entries } = liveView(campaign, live);
    return { state: live.state, stateName, entries };
  }),
};

export type LiveFeedView = { channel: FeedChannel; items: FeedItem[] };

/** Partners' feed of the approved entries, newest first, each with its full HTML (absolute URLs). */
export const liveFeeds: PageFamily<{ slug: string }, LiveFeedView> = {
  pages: pagesOf(paths.liveFeed),
  touchedBy: touchedOf(paths.liveFeed),
  view: viewOf((campaign, live) => {
    const entries = campaign.lives.entriesOf(live);
    const page = absoluteUrl(paths.live(live));
    const newest = entries.reduce((latest, entry) => Math.max(latest, Date.parse(entry.updatedAt)), Date.parse(live.updatedAt));
    return {
      channel: {
        title: `${live.title}（图文直播）`,
        description: live.summary ?? `${live.title}：图文直播的每一条`,
        link: page,
        selfUrl: absoluteUrl(paths.liveFeed(live)),
        lastBuildDate: new Date(newest),
      },
      items: entries.slice(0, FEED_ITEM_LIMIT).map((entry) => {
        const image = entry.photo ? shareImageOf(campaign, entry.photo) : null;
        const photo = image ? { src: image.url, srcset: null, width: image.width, height: image.height, alt: entry.photo!.alt } : null;
        return {
          guid: `urn:campaign-desk:liveEntry:${entry.documentId}`,
          title: `${entry.correction ? '【更正】' : ''}${entry.speaker ? `${entry.speaker}：` : ''}${plainLine(entry.text, 60)}`,
          link: `${page}#${paths.liveEntryAnchor(entry)}`,
          summary: entry.text,
          // The photo's copy is absolute here, and a video link is http(s) as typed: every URL absolute.
          contentHtml: entryHtml(entry, photo),
          pubDate: new Date(entry.postedAt),
          updated: new Date(entry.updatedAt),
          creators: [],
          categories: ['图文直播', live.title],
          image: image ? { ...image, alt: entry.photo!.alt, caption: entry.photo!.caption, credit: entry.photo!.credit } : null,
          enclosure: null,
        };
      }),
    };
  }),
};
