/**
 * What search finds: a record for each story, figure and policy document, with the text a
 * reader may search for. The index is split into shards by a hash of the page's path, each a
 * Pagefind bundle of its own that the search page merges in the browser; a publish
 * re-indexes only the shards whose records changed.
 */
import { blocksToText } from '@campaign-desk/shared';
import type { Campaign } from './campaign';
import { kindName } from './campaign';
import { paths } from './paths';

export const SEARCH_SHARDS = 8;

/** Where shard `n` is published. */
export const searchBundle = (shard: number) => `/pagefind/${shard}/`;

/** One record of a Pagefind index (`addCustomRecord`). */
export type SearchRecord = { url: string; content: string; language: 'zh-cn'; meta: { title: string } };

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

/** Every record of the search index, in path order. */
export function searchRecords(campaign: Campaign): SearchRecord[] {
  const { maps, pick } = campaign;
  const records: Array<{ url: string; title: string; content: string }> = [
    ...campaign.stories.map((story) => ({
      url: paths.story(story),
      title: story.title,
      content: lines(
        story.title,
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
      content: lines(figure.name, figure.role, figure.unit, figure.summary, figure.qualities.join(' '), blocksToText(figure.biography)),
    })),
    ...campaign.opinions.map((opinion) => ({
      url: paths.opinion(opinion),
      title: opinion.shortTitle ?? opinion.title,
      content: lines(
        opinion.title,
        opinion.summary,
        ...campaign.clausesOf(opinion).map((clause) => lines(`${clause.label}${clause.heading ?? ''}`, clause.text)),
      ),
    })),
  ];
  return records
    .map(({ url, title, content }) => ({ url, content, language: 'zh-cn' as const, meta: { title } }))
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}
