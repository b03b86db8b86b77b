/**
 * What search finds: a record for each story, figure and policy document, with the text a
 * reader may search for. The index is split into shards by a hash of the page's path, each a
 * Pagefind bundle of its own that the search page merges in the browser; a publish
 * re-indexes only the shards whose records changed.
 */
import { blocksToText, escapeHtml } from '@campaign-desk/shared';
import type { Campaign } from './campaign';
import { kindName } from './campaign';
import { paths } from './paths';

/**
 * 16 shards keep a publish's re-index near half a second at 10,000 stories (about 625 records
 * a shard). In the browser a merged shard costs only its own index files: Pagefind's script
 * and WebAssembly are loaded once, for the first.
 */
export const SEARCH_SHARDS = 16;

/** Where shard `n` is published. */
export const searchBundle = (shard: number) => `/pagefind/${shard}/`;

/**
 * One record of a Pagefind index: a small HTML document (`addHTMLFile`) whose heading is the
 * page's title, so a page whose title holds the words a reader typed ranks above pages that
 * only mention them (Pagefind weighs an h1 seven times a paragraph).
 */
export type SearchRecord = { url: string; content: string };

/** The shard of a page: FNV-1a of its path, so a page always lands in the same one. */
export function shardOf(path: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < path.length; index += 1) {
    hash ^= path.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % SEARCH_SHARDS;
}

const lines = (...parts: Array<string | null | undefined | false>) => parts.filter(Boolean).join('\n');

/**
 * The document Pagefind indexes for a page: its title, then its text, a paragraph a line.
 * A page that is about its title (a figure, a policy document) weighs its title most (10, where
 * an h1 is 7), so it ranks high among the stories that name it.
 */
function searchDocument(title: string, text: string, about = false): string {
  const paragraphs = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
  const weight = about ? ' data-pagefind-weight="10"' : '';
  return `<html lang="zh-cn"><body><h1 data-pagefind-meta="title"${weight}>${escapeHtml(title)}</h1>${paragraphs}</body></html>`;
}

/** Every record of the search index, in path order. */
export function searchRecords(campaign: Campaign): SearchRecord[] {
  const { maps, pick } = campaign;
  const records: Array<{ url: string; title: string; content: string; about?: boolean }> = [
    ...campaign.stories.map((story) => ({
      url: paths.story(story),
      title: story.title,
      content: lines(
        story.subtitle,
        story.summary,
        blocksToText(story.body),
        story.bylines.join(' '),
        kindName(story.kind),
        story.outletId && maps.outlets.get(story.outletId)?.name,
        ...pick(maps.columns, story.columnIds).map((column) => column.name),
        story.themeId && maps.themes.get(story.themeId)?.name,
        ...pick(maps.activities, story.activityIds).map((activity) => activity.name),
        ...pick(maps.places, story.placeIds).map((place) => place.name),
        ...pick(maps.figures, story.figureIds).map((figure) => figure.name),
      ),
    })),
    ...campaign.figures.map((figure) => ({
      url: paths.figure(figure),
      title: figure.name,
      about: true,
      content: lines(figure.role, figure.unit, figure.summary, figure.qualities.join(' '), blocksToText(figure.biography)),
    })),
    ...campaign.opinions.map((opinion) => ({
      url: paths.opinion(opinion),
      title: opinion.shortTitle ?? opinion.title,
      about: true,
      content: lines(
        opinion.shortTitle && opinion.title,
        opinion.summary,
        ...campaign.clausesOf(opinion).map((clause) => lines(`${clause.label}${clause.heading ?? ''}`, clause.text)),
      ),
    })),
  ];
  return records
    .map(({ url, title, content, about }) => ({ url, content: searchDocument(title, content, about) }))
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}
