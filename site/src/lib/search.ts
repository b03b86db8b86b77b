/**
 * What search finds: a record for each story, figure and policy document, with the text a
 * reader may search for, and the pages a name leads to straight away. The records are indexed
 * in shards (search-shards.ts).
 */
import { blocksToText, escapeHtml, type Story } from '@campaign-desk/shared';
import type { Campaign } from './campaign';
import { kindName, pick } from './campaign';
import { GROUPINGS } from './groupings';
import { paths } from './paths';
import { directKey, pinyinOfName, pinyinOfText, shortPlaceName, synonymsIn, traditionalTexts, traditionalWords } from './search-terms';

/**
 * One record of a Pagefind index: a small HTML document (`addHTMLFile`) whose heading is the
 * page's title, so a page whose title holds the words a reader typed ranks above pages that
 * only mention them (Pagefind weighs an h1 seven times a paragraph).
 */
export type SearchRecord = { url: string; content: string };

const lines = (...parts: Array<string | null | undefined | false>) => parts.filter(Boolean).join('\n');

/**
 * How much a match in each hidden field adds to a page's score (Pagefind's `metaWeights`; each
 * merged shard needs them too). A page whose own name the reader typed (a figure's, the
 * 《意见》's) comes before the stories that name it. A match in `terms` weighs about as much as
 * one in a title: a shard without the word a reader typed falls back to pages holding its
 * first characters (好人好事 → 好), and those must not come before the pages that hold it.
 */
export const SEARCH_RANKING = { metaWeights: { name: 20, terms: 10 } } as const;

/**
 * What a page is indexed with: its title, its text (a paragraph a line), and hidden fields
 * Pagefind searches but never shows in an excerpt: `terms` (what else a reader may type, see
 * search-terms.ts) and, for a page about one thing, `name` (that thing's name in every form).
 */
type Indexed = { url: string; title: string; text: string; terms: string[]; name?: string[] };

/**
 * A hidden field, as an empty element of its own: Pagefind reads `data-pagefind-meta="key:value"`
 * (one per element; a comma would end the value).
 */
const field = (key: string, words: string[]) =>
  `<div data-pagefind-meta="${key}:${escapeHtml([...new Set(words)].join(' ').replace(/,/g, ' '))}"></div>`;

/**
 * The document Pagefind indexes for a page. A page that is about its title (a figure, a policy
 * document) weighs its title most (10, where an h1 is 7), so it ranks high among the stories
 * that name it.
 */
function searchDocument({ title, text, terms, name }: Indexed): string {
  const paragraphs = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
  const weight = name ? ' data-pagefind-weight="10"' : '';
  const hidden = `${field('terms', terms)}${name ? field('name', name) : ''}`;
  return `<html lang="zh-cn"><body><h1 data-pagefind-meta="title"${weight}>${escapeHtml(title)}</h1>${paragraphs}${hidden}</body></html>`;
}

/**
 * The terms of a record's own words (its title, subtitle, summary: their traditional forms,
 * the title read aloud, synonyms), made once per record: records are never mutated, so a sync
 * reads again only what changed. A body is searched as written; the names it mentions get
 * their terms through `nameIndex`.
 */
const ownTerms = new WeakMap<object, string[]>();

function termsOfOwnWords(record: object, title: string, words: string): string[] {
  let terms = ownTerms.get(record);
  if (!terms) {
    terms = [...traditionalWords(words), ...pinyinOfText(title), ...synonymsIn(words)];
    ownTerms.set(record, terms);
  }
  return terms;
}

/** The terms of each name met so far: names are few, and a sync asks for all of them. */
const nameTerms = new Map<string, string[]>();

/** What a reader may type for a name: its pinyin, its traditional forms (whole and word by word), synonyms. */
function termsOfName(name: string): string[] {
  let terms = nameTerms.get(name);
  if (!terms) {
    terms = [...pinyinOfName(name), ...traditionalTexts(name), ...traditionalWords(name), ...synonymsIn(name)];
    nameTerms.set(name, terms);
  }
  return terms;
}

/** A name worth looking for in texts: two Chinese characters at least (not the kind H5). */
const HAN_NAME = /\p{Script=Han}.*\p{Script=Han}/u;

/** The known names each record's text mentions, kept until the names change. */
const mentions = new WeakMap<object, { signature: string; names: string[] }>();

/**
 * The campaign's names (people, places, columns, activities, themes, outlets, kinds) and their
 * terms; a record gets the terms of the names it is filed under and of those its text mentions,
 * so `tangguangyou` finds every story that 唐光友 finds.
 */
function nameIndex(campaign: Campaign) {
  const known = [
    ...new Set(
      [
        ...campaign.records.figures.map((figure) => figure.name),
        ...campaign.records.places.map((place) => shortPlaceName(place.name)),
        ...GROUPINGS.flatMap((grouping) => grouping.records(campaign).map((record) => record.name)),
      ].filter((name): name is string => name !== null && HAN_NAME.test(name)),
    ),
  ];
  const signature = known.join('\u0000');
  const terms = new Map(known.map((name) => [name, termsOfName(name)]));
  const namesIn = (record: object, text: string, filedUnder: Array<string | null | undefined>): string[] => {
    let mentioned = mentions.get(record);
    if (mentioned?.signature !== signature) {
      mentioned = { signature, names: known.filter((name) => text.includes(name)) };
      mentions.set(record, mentioned);
    }
    const names = new Set([...mentioned.names, ...filedUnder.filter((name): name is string => !!name)]);
    return [...names].flatMap((name) => terms.get(name) ?? termsOfName(name));
  };
  return Object.assign(namesIn, { signature });
}

/**
 * A story's search record, kept while the story (records are never mutated) and the names it
 * may be filed under or mention are the same: a sync makes records only for what changed.
 */
const storyRecords = new WeakMap<Story, { names: string; record: SearchRecord }>();

/** Every record of the search index, in path order. */
export function searchRecords(campaign: Campaign): SearchRecord[] {
  const maps = campaign.records.byId;
  const namesIn = nameIndex(campaign);
  const names = [
    namesIn.signature,
    ...[maps.outlets, maps.columns, maps.themes, maps.activities, maps.places, maps.figures].flatMap((map) =>
      [...map.values()].map((record) => `${record.documentId}:${record.name}`),
    ),
  ].join('\n');
  const storyRecord = (story: Story): SearchRecord => {
    const kept = storyRecords.get(story);
    if (kept?.names === names) return kept.record;
    const body = lines(blocksToText(story.body), story.bylines.join(' '));
    const filedUnder = [
      kindName(story.kind),
      story.outletId && maps.outlets.get(story.outletId)?.name,
      ...pick(maps.columns, story.columnIds).map((column) => column.name),
      story.themeId && maps.themes.get(story.themeId)?.name,
      ...pick(maps.activities, story.activityIds).map((activity) => activity.name),
      ...pick(maps.places, story.placeIds).map((place) => place.name),
      ...pick(maps.figures, story.figureIds).map((figure) => figure.name),
    ];
    const words = lines(story.title, story.subtitle, story.summary);
    const record = searchRecord({
      url: paths.story(story),
      title: story.title,
      text: lines(story.subtitle, story.summary, body, ...filedUnder),
      terms: [...termsOfOwnWords(story, story.title, words), ...namesIn(story, lines(words, body), filedUnder)],
    });
    storyRecords.set(story, { names, record });
    return record;
  };
  const indexed: Indexed[] = [
    ...campaign.records.figures.map((figure) => {
      const words = lines(figure.name, figure.role, figure.unit, figure.summary, figure.qualities.join(' '));
      const biography = blocksToText(figure.biography);
      return {
        url: paths.figure(figure),
        title: figure.name,
        text: lines(figure.role, figure.unit, figure.summary, figure.qualities.join(' '), biography),
        terms: [...termsOfOwnWords(figure, figure.name, words), ...namesIn(figure, lines(words, biography), [])],
        name: nameForms(figure.name),
      };
    }),
    ...campaign.records.opinions.map((opinion) => {
      const title = opinion.shortTitle ?? opinion.title;
      const clauses = campaign.records.clausesOf(opinion);
      const words = lines(title, opinion.shortTitle && opinion.title, opinion.summary, ...clauses.map((clause) => clause.heading));
      const text = lines(
        opinion.shortTitle && opinion.title,
        opinion.summary,
        ...clauses.map((clause) => lines(`${clause.label}${clause.heading ?? ''}`, clause.text)),
      );
      return {
        url: paths.opinion(opinion),
        title,
        text,
        terms: [...termsOfOwnWords(opinion, title, words), ...namesIn(opinion, text, [])],
        // Its short title only: every word of the long one would lift it above the stories using that word.
        name: nameForms(title),
      };
    }),
  ];
  return [...campaign.stories.all.map(storyRecord), ...indexed.map(searchRecord)].sort((a, b) =>
    a.url < b.url ? -1 : a.url > b.url ? 1 : 0,
  );
}

const searchRecord = (page: Indexed): SearchRecord => ({ url: page.url, content: searchDocument(page) });

/** The paths search finds (those of `searchRecords`), enough to know the shards without the records. */
export function searchPaths(campaign: Campaign): Array<{ url: string }> {
  return [
    ...campaign.stories.all.map((story) => paths.story(story)),
    ...campaign.records.figures.map((figure) => paths.figure(figure)),
    ...campaign.records.opinions.map((opinion) => paths.opinion(opinion)),
  ].map((url) => ({ url }));
}

/** A name in every form a reader may type it: as written (without its punctuation), traditional, pinyin. */
function nameForms(name: string): string[] {
  return [...name.split(/[\s\p{P}\p{S}]+/u).filter(Boolean), ...termsOfName(name)];
}

/** A page the search page links to straight away when the reader typed its name (直达). */
export type DirectTarget = { name: string; label: string; url: string; keys: string[] };

/**
 * The pages a reader may mean by a name: figures, policy documents, and every grouping (places,
 * columns, activities, themes, outlets), each with the keys (see `directKey`) of the name as
 * written, in traditional characters and in pinyin.
 */
export function directTargets(campaign: Campaign): DirectTarget[] {
  const target = (name: string, label: string, url: string, aliases: Array<string | null> = []): DirectTarget => {
    const written = [name, ...aliases].filter((alias): alias is string => alias !== null);
    const forms = written.flatMap((alias) => [alias, ...traditionalTexts(alias), ...pinyinOfName(alias)]);
    return { name, label, url, keys: [...new Set(forms.map(directKey))].filter(Boolean) };
  };
  return [
    ...campaign.records.figures.map((figure) => target(figure.name, '典型人物', paths.figure(figure))),
    ...campaign.records.opinions.map((opinion) =>
      target(opinion.shortTitle ?? opinion.title, '政策文件', paths.opinion(opinion), [opinion.title]),
    ),
    ...GROUPINGS.flatMap((grouping) =>
      grouping
        .records(campaign)
        .map((record) =>
          target(
            record.name,
            grouping.label,
            paths.listing(grouping.kind, record),
            grouping.kind === 'places' ? [shortPlaceName(record.name)] : [],
          ),
        ),
    ),
  ];
}
