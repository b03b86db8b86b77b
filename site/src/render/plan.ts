/**
 * What a sync of the site's runtime answers: the plan of a release (pages to render and drop,
 * image copies, search bundles to index again), worked out by comparing the state planned now
 * with the baseline, the state of the release live now.
 */
import { join } from 'node:path';
import type { Campaign } from '../lib/campaign';
import { searchBundle } from '../lib/search-shards';
import { MEDIA_PATH } from '../snapshot/media';
import type { SnapshotSource } from '../snapshot/source';

export type SyncInput = {
  source: SnapshotSource;
  /** Where images and their copies are kept between syncs. */
  mediaDir: string;
  /** The instant pages are rendered as of (upcoming events, the current phase). */
  now: string;
  /** A preview build: sample records count as fact (see lib/campaign/index.ts). */
  preview: boolean;
  /** Read the whole snapshot rather than the changes since the last sync. */
  full: boolean;
  /** The other files of a release (the compiled site's client files), as site paths. */
  assets: string[];
};

/** A file of the release: its site path and where it is written, relative to the release. */
export type ReleaseFile = { path: string; file: string };

/** A file of the release kept on disk (an image copy): where it goes, relative to the release, and where it is. */
export type SourcedFile = { file: string; source: string };

export type Plan = {
  /** Whether the snapshot was read whole. */
  full: boolean;
  records: number;
  /**
   * Every page and file the site makes (`total`), its HTML pages (`html`), how many of them
   * had their view made again to be compared (`viewed`; the rest kept their fingerprints),
   * and what changed.
   */
  pages: { total: number; html: number; viewed: number; changed: ReleaseFile[]; removed: ReleaseFile[] };
  /** Image copies under /media/: those to add, and those to drop (relative to the release). */
  media: { added: SourcedFile[]; removed: string[] };
  /** Search shards to index again, each with the directory its bundle takes in the release and the records it holds. */
  search: Array<{ shard: string; dir: string; records: number }>;
  /**
   * Whether the shards may follow in a release of their own (see the runtime's `commit`): the
   * set of shards is the same (the search page names them) and nothing left the site (a
   * withdrawn page's text leaves search in the release that removes it).
   */
  searchMayFollow: boolean;
  /**
   * What a release built on the last one drops before the plan's files go in, relative to
   * it: the files of changed and removed pages, removed image copies, changed search bundles.
   */
  discarded: string[];
  /** Problems of person-written links, naming the record and the field. */
  warnings: string[];
  /** Every link a person typed that points into the site, as typed: the page check leaves these to the warnings. */
  personUrls: string[];
  /** 分享海报 left to draw (the sync's time for them ran out): the next build draws more. */
  postersPending: number;
  /** Milliseconds spent reading the snapshot, preparing images, indexing, drawing posters, and planning. */
  timings: { read: number; media: number; index: number; posters: number; plan: number };
};

export type RenderedFile = ReleaseFile & { type: string; body: Uint8Array };

export type State = {
  /** The campaign the state was planned from (null: none, everything is planned). */
  campaign: Campaign | null;
  /** The fingerprint of the frame every page shares. */
  layout: string;
  pages: Map<string, { fingerprint: string; request: string }>;
  media: Set<string>;
  /** Each search shard's fingerprint, by name. */
  shards: Map<string, string>;
};

export const EMPTY: State = { campaign: null, layout: '', pages: new Map(), media: new Set(), shards: new Map() };

/** Where a site path is written in a release: `/a/` → `a/index.html`, `/a.xml` → `a.xml`. */
export function fileOf(path: string): string {
  return path.endsWith('/') ? `${path.slice(1)}index.html` : path.slice(1);
}

/** What a release built on the baseline's takes of the planned state: the pages, image copies and search bundles that changed or went. */
export function changesSince(
  baseline: State,
  planned: State,
  mediaDir: string,
  viewed: number,
  /** How many records a planned shard holds. */
  shardSize: (name: string) => number,
): Pick<Plan, 'pages' | 'media' | 'search' | 'searchMayFollow' | 'discarded'> {
  const mediaFile = (name: string) => `${MEDIA_PATH.slice(1)}${name}`;
  const changedPages = [...planned.pages]
    .filter(([path, page]) => baseline.pages.get(path)?.fingerprint !== page.fingerprint)
    .map(([path]) => ({ path, file: fileOf(path) }));
  const removedPages = [...baseline.pages.keys()].filter((path) => !planned.pages.has(path)).map((path) => ({ path, file: fileOf(path) }));
  const removedMedia = [...baseline.media].filter((file) => !planned.media.has(file)).map(mediaFile);
  const bundleDir = (name: string) => searchBundle(name).slice(1, -1);
  const search = [...planned.shards].flatMap(([name, shard]) =>
    shard === baseline.shards.get(name) ? [] : [{ shard: name, dir: bundleDir(name), records: shardSize(name) }],
  );
  // A shard that split in two, or joined its sibling, is gone.
  const removedShards = [...baseline.shards.keys()].filter((name) => !planned.shards.has(name)).map(bundleDir);
  return {
    pages: {
      total: planned.pages.size,
      html: [...planned.pages.keys()].filter((path) => path.endsWith('/') || path.endsWith('.html')).length,
      viewed,
      changed: changedPages,
      removed: removedPages,
    },
    media: {
      added: [...planned.media]
        .filter((file) => !baseline.media.has(file))
        .map((file) => ({ file: mediaFile(file), source: join(mediaDir, file) })),
      removed: removedMedia,
    },
    search,
    searchMayFollow: removedShards.length === 0 && removedPages.length === 0 && search.every(({ shard }) => baseline.shards.has(shard)),
    discarded: [...changedPages, ...removedPages]
      .map((page) => page.file)
      .concat(
        removedMedia,
        search.map((shard) => shard.dir),
        removedShards,
      ),
  };
}
