/**
 * The site as the publisher drives it, from inside the compiled bundle: it holds the records
 * (synced from the snapshot with its cursor), their images, and the fingerprint of every
 * page, search shard and media file of the release it last planned; a sync answers what a
 * change touches, and render() makes exactly those pages.
 *
 * The baseline is the state of the release live now: `commit()` makes the last plan the
 * baseline once its release went live, `reset()` forgets it (the next plan is everything).
 */
import { join } from 'node:path';
import { RECORD_SCHEMAS } from '@campaign-desk/shared';
import type { App } from 'astro/app';
import { indexCampaign, type Campaign } from '../lib/campaign';
import { paths, siteAddress } from '../lib/paths';
import { searchRecords, type SearchRecord } from '../lib/search';
import { searchShards } from '../lib/search-shards';
import { Captions } from '../snapshot/captions';
import { Media, MEDIA_PATH } from '../snapshot/media';
import { Posters } from '../snapshot/posters';
import { SITE_NAME } from '../lib/site';
import { posterInputs } from '../views/posters';
import { RecordSet } from '../snapshot/record-set';
import { readSnapshot } from '../snapshot/source';
import { PAGE_TABLE } from '../views';
import type { RecordChange } from '../views/page-family';
import { layoutView } from '../views/layout';
import { fingerprint } from './fingerprint';
import { EMPTY, changesSince, fileOf, type Plan, type RenderedFile, type State, type SyncInput } from './plan';
import { checkPersonLinks, personLinks } from './person-links';

/** Search records are kept while their story is (lib/search.ts): each is hashed once. */
const recordDigests = new WeakMap<SearchRecord, string>();
function digestOfRecord(record: SearchRecord): string {
  let digest = recordDigests.get(record);
  if (digest === undefined) {
    digest = fingerprint(record);
    recordDigests.set(record, digest);
  }
  return digest;
}

/**
 * How long a sync draws 分享海报 (about 30 ms of CPU each): a first build of a large archive goes
 * live without the rest, which the builds after it draw (the publisher asks for them).
 */
const POSTERS_BUDGET_MS = 5 * 60_000;

export function createRuntime(app: App) {
  const records = new RecordSet();
  let media: Media | null = null;
  let captions: Captions | null = null;
  let posters: Posters | null = null;
  let campaign: Campaign | null = null;
  /** The search records of the last sync, by shard. */
  let shards = new Map<string, SearchRecord[]>();
  let baseline: State = EMPTY;
  let planned: State = EMPTY;
  /**
   * What changed since the baseline: the stories and live entries, by documentId, and
   * whether anything else did (then every page is looked at again). Kept until a plan is
   * committed.
   */
  const unsettled = { stories: new Set<string>(), entries: new Set<string>(), other: false };

  /** The change since the baseline when it is of stories and live entries alone, or null. */
  function recordChange(current: Campaign): RecordChange | null {
    const before = baseline.campaign;
    if (before === null || unsettled.other || before.preview !== current.preview) return null;
    const held = (campaign: Campaign, id: string) => campaign.stories.byId.get(id) ?? null;
    return {
      before,
      after: current,
      stories: [...unsettled.stories].map((id) => ({ was: held(before, id), is: held(current, id) })),
      entries: [...unsettled.entries].map((id) => ({ was: before.lives.entry(id), is: current.lives.entry(id) })),
    };
  }

  /**
   * Every page's fingerprint, and how many views were made for it. After a change of stories
   * and live entries alone, a page no family says the change touches keeps its fingerprint
   * from the baseline without its view being made: the plan costs what the change touches,
   * not the size of the archive. A family that does not say is looked at again after a change
   * of stories, not after one of entries alone (page-family.ts).
   */
  function statePages(current: Campaign, layout: string): { pages: State['pages']; viewed: number } {
    const change = layout === baseline.layout ? recordChange(current) : null;
    const pages = new Map<string, { fingerprint: string; request: string }>();
    let viewed = 0;
    for (const family of Object.values(PAGE_TABLE)) {
      const touched = !change
        ? null
        : family.touchedBy
          ? new Set(family.touchedBy(change))
          : change.stories.length > 0
            ? null
            : new Set<string>();
      for (const { path, params } of family.pages(current)) {
        const kept = touched && !touched.has(path) ? baseline.pages.get(path) : undefined;
        if (!kept) viewed += 1;
        pages.set(
          path,
          kept ?? { fingerprint: fingerprint(layout, family.view(current, params)), request: family.requestPath?.(path) ?? path },
        );
      }
    }
    return { pages, viewed };
  }

  return {
    async sync(input: SyncInput): Promise<Plan> {
      const started = performance.now();
      // A file is always a whole snapshot; the API is asked for the changes since the last sync.
      const whole = input.full || records.cursor === null || input.source.kind === 'file';
      const pages = await readSnapshot(input.source, whole ? undefined : records.cursor!);
      for (const { type, documentId } of records.apply(pages, whole)) {
        if (type === 'story') unsettled.stories.add(documentId);
        else if (type === 'liveEntry') unsettled.entries.add(documentId);
        else unsettled.other = true;
      }
      unsettled.other ||= whole;
      const read = performance.now();

      const warnings: string[] = [];
      if (media?.dir !== input.mediaDir) media = new Media(input.mediaDir);
      if (captions?.dir !== input.mediaDir) captions = new Captions(input.mediaDir);
      if (posters?.dir !== input.mediaDir) posters = new Posters(input.mediaDir, SITE_NAME);
      const stories = records.all('story');
      const imaged = [...stories, ...records.all('column'), ...records.all('figure'), ...records.all('goodDeed')];
      await media.prepare(imaged, { warn: (message) => warnings.push(message) });
      await captions.prepare(stories, { warn: (message) => warnings.push(message) });
      const prepared = performance.now();

      const library = media;
      const tracks = captions;
      const drawn = posters;
      campaign = indexCampaign(records, new Date(input.now), {
        media: (url) => library.entryOf(url),
        captions: (url) => tracks.fileOf(url),
        posters: (key) => drawn.fileOf(key),
        preview: input.preview,
      });
      shards = new Map(searchShards(searchRecords(campaign)).map((shard) => [shard.name, shard.records]));
      const indexed = performance.now();

      // A poster uses the widest copy up to its width (750 px) of the record's picture.
      const pictureFile = (image: { url: string }) => {
        const variants = library.entryOf(image.url)?.variants ?? [];
        const variant = variants.find((candidate) => candidate.width >= 720) ?? variants.at(-1);
        return variant ? join(input.mediaDir, variant.fallback) : null;
      };
      const { pending: postersPending } = await drawn.prepare(posterInputs(campaign, pictureFile), {
        warn: (message) => warnings.push(message),
        budgetMs: POSTERS_BUDGET_MS,
      });
      const postered = performance.now();

      const layout = fingerprint(layoutView(campaign));
      const { pages: plannedPages, viewed } = statePages(campaign, layout);
      planned = {
        campaign,
        layout,
        pages: plannedPages,
        media: new Set([...library.filesOf(imaged), ...tracks.filesOf(stories), ...drawn.filesOf()]),
        shards: new Map([...shards].map(([name, records]) => [name, fingerprint(records.map(digestOfRecord))])),
      };
      const links = personLinks(campaign);
      const assets = new Set(input.assets);
      const exists = (path: string) =>
        planned.pages.has(path) ||
        planned.pages.has(`${path}/`) ||
        assets.has(path) ||
        (path.startsWith(MEDIA_PATH) && planned.media.has(path.slice(MEDIA_PATH.length)));
      warnings.push(...checkPersonLinks(links, siteAddress(), exists));
      const done = performance.now();

      return {
        full: whole,
        records: records.size,
        ...changesSince(baseline, planned, input.mediaDir, viewed, (name) => shards.get(name)?.length ?? 0),
        warnings,
        personUrls: [...new Set(links.map((link) => link.url))],
        postersPending,
        timings: {
          read: read - started,
          media: prepared - read,
          index: indexed - prepared,
          posters: postered - indexed,
          plan: done - postered,
        },
      };
    },

    /**
     * The last plan's release went live: it is what the next plan is measured against. Without
     * `search`, the release kept the live search shards, which the next plan indexes again.
     */
    commit({ search = true }: { search?: boolean } = {}): void {
      baseline = search ? planned : { ...planned, shards: baseline.shards };
      unsettled.stories.clear();
      unsettled.entries.clear();
      unsettled.other = false;
    },

    /** Plan everything next time (a full build, or after a rollback). */
    reset(): void {
      baseline = EMPTY;
    },

    /** Renders planned pages; a page that does not render as planned is a template bug and throws. */
    async render(paths: string[]): Promise<RenderedFile[]> {
      if (!campaign) throw new Error('nothing to render before the first sync');
      const site = siteAddress();
      const locals: App.Locals = { campaign };
      const rendered: RenderedFile[] = [];
      for (const path of paths) {
        const page = planned.pages.get(path);
        if (!page) throw new Error(`${path} is not a page of the site`);
        // Requested where a reader finds it, under the site's path (Astro's base).
        const response = await app.render(new Request(site.url(page.request)), { locals });
        const expected = page.request === path ? 200 : response.status;
        if (response.status !== expected) throw new Error(`${path} rendered with HTTP ${response.status}`);
        rendered.push({
          path,
          file: fileOf(path),
          type: response.headers.get('content-type') ?? 'application/octet-stream',
          body: new Uint8Array(await response.arrayBuffer()),
        });
      }
      return rendered;
    },

    /**
     * A story's draft on its page as it would be published, over the records of the last sync,
     * with the 预览 banner and noindex; nothing of it is kept (the next sync and render never see it).
     */
    async preview(record: unknown): Promise<RenderedFile> {
      if (!campaign || !media || !captions) throw new Error('nothing to preview before the first sync');
      const story = RECORD_SCHEMAS.story.parse(record);
      const library = media;
      const tracks = captions;
      const drafted = indexCampaign(records.withRecord(story), campaign.now, {
        media: (url) => library.entryOf(url),
        captions: (url) => tracks.fileOf(url),
        preview: campaign.preview,
      });
      const path = paths.story(story);
      const response = await app.render(new Request(siteAddress().url(path)), { locals: { campaign: drafted, draft: true } });
      if (response.status !== 200) throw new Error(`the preview of ${path} rendered with HTTP ${response.status}`);
      return {
        path,
        file: fileOf(path),
        type: response.headers.get('content-type') ?? 'text/html',
        body: new Uint8Array(await response.arrayBuffer()),
      };
    },

    /** The records of one search shard, in path order. */
    searchShard(shard: string): SearchRecord[] {
      return shards.get(shard) ?? [];
    },
  };
}

export type SiteRuntime = ReturnType<typeof createRuntime>;
