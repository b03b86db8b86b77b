/**
 * The page table: every page family of the site. The renderer lists every path from it and
 * fingerprints every view to learn which pages a change touches; the sitemap lists it too.
 */
import type { Campaign } from '../lib/campaign';
import { coveragePage } from './coverage';
import { eventsPage } from './events';
import { featuredFeed, feedDirectory, goodDeedsFeed, groupingFeeds, jsonFeedFile, opmlFile, podcastFeed, rssFeed } from './feeds';
import { figurePages } from './figure';
import { homePage } from './home';
import { archiveIndex, columnsIndex, figuresIndex, placesIndex } from './indexes';
import { groupingListings, monthListings } from './listing';
import { opinionPages } from './opinion';
import { quizPages, quizPosterPages } from './quiz';
import { lectureMenuPage, lectureTopicPages } from './lectures';
import { goodDeedsPage, suggestionsPage, thanksPage } from './participation';
import type { PageFamily, Params } from './page-family';
import { calendarFile, notFoundPage, robotsFile, searchPage, sitemapIndex, sitemapStoryParts, sitemapUrls } from './site-files';
import { storyPages } from './story';
import { liveEmbeds, liveEntriesFiles, liveFeeds, livePages } from './live';

type AnyFamily = PageFamily<Params, unknown>;

const PAGES: Record<string, AnyFamily> = {
  home: homePage,
  story: storyPages,
  listing: groupingListings,
  month: monthListings,
  archive: archiveIndex,
  columns: columnsIndex,
  places: placesIndex,
  figures: figuresIndex,
  figure: figurePages,
  opinion: opinionPages,
  quiz: quizPages,
  lectures: lectureMenuPage,
  lectureTopic: lectureTopicPages,
  events: eventsPage,
  live: livePages,
  coverage: coveragePage,
  suggestions: suggestionsPage,
  goodDeeds: goodDeedsPage,
  search: searchPage,
  feeds: feedDirectory,
  notFound: notFoundPage,
};

/** The HTML pages a reader may land on but the stories' (the sitemap's first list; stories have parts of their own). */
function htmlPaths(campaign: Campaign): string[] {
  return Object.values(PAGES)
    .filter((family) => family !== storyPages)
    .flatMap((family) => family.pages(campaign).map((page) => page.path))
    .filter((path) => path.endsWith('/'));
}

export const sitemapPage = sitemapUrls(htmlPaths);

export const PAGE_TABLE: Record<string, AnyFamily> = {
  ...PAGES,
  // Partners frame it; the live page is where readers land.
  liveEmbed: liveEmbeds,
  liveEntries: liveEntriesFiles,
  liveFeed: liveFeeds,
  // Where a plain form post comes back to: a page, but none to land on from a search engine.
  thanks: thanksPage,
  // Where a quiz's answer sends the reader for their poster: as the thank-you page.
  quizPoster: quizPosterPages,
  rss: rssFeed,
  jsonFeed: jsonFeedFile,
  featuredFeed,
  goodDeedsFeed,
  podcastFeed,
  groupingFeeds,
  opml: opmlFile,
  calendar: calendarFile,
  robots: robotsFile,
  sitemapIndex,
  sitemapUrls: sitemapPage,
  sitemapStories: sitemapStoryParts,
};
