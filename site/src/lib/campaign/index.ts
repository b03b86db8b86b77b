/**
 * The campaign as pages see it: the records indexed once per sync, split by what they index
 * (the taxonomy and documents, the stories and their groupings, placements, what readers
 * send, coverage), relations resolved (ids of records not held, e.g. withdrawn since, are
 * ignored), and every lookup a page makes answered in O(1) or O(k), never by scanning the
 * archive. Views get it as an argument (pages from `Astro.locals`), never from a global.
 */
import { EVENT_KINDS, STORY_KINDS, nameOf } from '@campaign-desk/shared';
import type { MediaEntry } from '../../snapshot/media';
import type { RecordSet } from '../../snapshot/record-set';
import { countCoverage } from './coverage';
import { indexLives } from './lives';
import { indexParticipation } from './participation';
import { indexPlacements } from './placements';
import { indexRecords } from './records';
import { indexStories } from './stories';

export { pick, type KindRecord } from './records';
export type { StoryGrouping } from './stories';

/** The local copies of an image by its URL (none in `astro dev`: pages use the CMS's copy). */
export type MediaLookup = (url: string) => MediaEntry | null;

export type IndexOptions = {
  media?: MediaLookup;
  /** The release's copy (a file name under MEDIA_PATH) of a story's captions, by their URL. */
  captions?: (url: string) => string | null;
  /**
   * A preview build (the demo, the newsroom's look before launch): sample records count as
   * fact in feeds and coverage. Off, they are shown marked “示例” and nowhere else.
   */
  preview?: boolean;
};

export type Campaign = ReturnType<typeof indexCampaign>;

export function indexCampaign(
  records: RecordSet,
  now: Date,
  { media = () => null, captions = () => null, preview = false }: IndexOptions = {},
) {
  /** Whether a record may be told as fact: in feeds, in coverage, in what the site counts. */
  const factual = (record: { sample: boolean }) => preview || !record.sample;
  const taxonomy = indexRecords(records);
  const placements = indexPlacements(records);
  const stories = indexStories(records, placements, taxonomy);
  return {
    now,
    preview,
    media,
    captions,
    factual,
    /** What feeds carry of a list: all of it in a preview, what is fact otherwise. */
    syndicated: <T extends { sample: boolean }>(list: T[]): T[] => (preview ? list : list.filter(factual)),
    records: taxonomy,
    stories,
    placements,
    participation: indexParticipation(records),
    lives: indexLives(records),
    coverage: countCoverage(taxonomy, stories, placements, factual),
  };
}

/** The build's "now": CAMPAIGN_DESK_NOW pins it (tests, previews of a past day). */
export function buildNow(): Date {
  const pinned = process.env.CAMPAIGN_DESK_NOW;
  return pinned ? new Date(pinned) : new Date();
}

export const kindName = (kind: string) => nameOf(STORY_KINDS, kind);
export const eventKindName = (kind: string) => nameOf(EVENT_KINDS, kind);
export const MEDIA_KINDS = new Set(['video', 'h5', 'live', 'audio']);
