/**
 * The publisher: turns publish events into live releases. Builds never overlap; events
 * that arrive during a build are coalesced into exactly one follow-up build, so the last
 * publish is always reflected. A release goes live only after its checks pass; a failed
 * build leaves the live release untouched and is reported in the status. Nothing a build
 * meets (a broken record, a template error, a renderer that hangs) stops the publisher.
 *
 * A build is incremental (the pages a change touches, on top of the live release) when the
 * renderer's last plan describes the live release; otherwise it is whole: at start-up, after
 * the site's templates changed, after a rollback, or when asked for.
 *
 * Indexing a search shard takes longer than the rest of a publish, so an incremental release
 * goes live with its pages and feeds and the live search shards, and the changed shards follow
 * in a release of their own, built at once; a release that removes a page (a withdrawal) or
 * changes the set of shards carries its search shards itself.
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import {
  SiteRenderer,
  closeSearchIndexer,
  siteFingerprint,
  type Plan,
  type RenderedFile,
  type SnapshotSource,
} from '@campaign-desk/site/renderer';
import { BuildHistory } from './build-history';
import { BuildRun, type BuildRecord } from './build-run';
import { buildRelease } from './release-build';
import { Releases, type ReleaseChange } from './releases';

export interface PublisherStatus {
  live: string | null;
  building: boolean;
  queued: boolean;
  lastBuild: BuildRecord | null;
  lastSuccess: BuildRecord | null;
  /** The last builds, newest first. */
  recent: BuildRecord[];
  builds: number;
  releases: string[];
}

export interface PublisherOptions {
  dataDir: string;
  siteDir: string;
  siteUrl: string;
  /** Where the site's forms post (the CMS's public participation route); CAMPAIGN_DESK_SUBMIT_URL's default when unset. */
  submitUrl?: string;
  source: SnapshotSource;
  keepReleases: number;
  minPageRatio: number;
  /** Pins the instant pages are rendered as of (tests); the current time otherwise. */
  now?: string;
  /** Builds a preview: sample records count as fact in feeds and coverage, and every page says so. */
  preview: boolean;
  /** The renderer's heap limit in MB. */
  rendererMemoryMb?: number;
  log?: (line: string) => void;
}

export type { BuildRecord };

/** A release that must not go live, and why. */
class Refused extends Error {}

export class Publisher {
  readonly releases: Releases;
  private readonly history: BuildHistory;
  private readonly mediaDir: string;
  private renderer: SiteRenderer | null = null;
  /** The release the renderer's last committed plan describes, if any. */
  private basis: string | null = null;
  private running: Promise<void> | null = null;
  private queuedReasons: string[] = [];
  private forceNext = false;
  private wholeNext = false;
  /** A release went live without its search shards: the next build indexes them, and defers none. */
  private searchOwed = false;

  constructor(private readonly options: PublisherOptions) {
    this.releases = new Releases(options.dataDir);
    this.history = new BuildHistory(path.join(options.dataDir, 'state.json'), options.log ?? (() => {}));
    // Kept between builds and restarts: images and their copies, made once per URL.
    this.mediaDir = path.join(options.dataDir, 'media');
  }

  /** Loads the state a previous run left (its last builds survive a restart) and clears what a killed build left. */
  async open(): Promise<this> {
    await mkdir(this.options.dataDir, { recursive: true });
    await this.releases.discardPartials();
    await this.history.load();
    return this;
  }

  /**
   * Asks for a build. During a build, requests wait and are served by a single next build.
   * `force` accepts a release much smaller than the live one; `whole` renders every page.
   */
  request(reason: string, { force = false, whole = false } = {}): void {
    this.queuedReasons.push(reason);
    this.forceNext ||= force;
    this.wholeNext ||= whole;
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
  }

  /** Resolves when no build is running or queued, and old releases are pruned. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
    await this.pruning;
  }

  async status(): Promise<PublisherStatus> {
    return {
      live: await this.releases.live(),
      building: this.running !== null,
      queued: this.queuedReasons.length > 0,
      lastBuild: this.history.state.lastBuild,
      lastSuccess: this.history.state.lastSuccess,
      recent: this.history.state.recent,
      builds: this.history.state.builds,
      releases: await this.releases.list(),
    };
  }

  /** A story's draft rendered on its page by the renderer of the last build (preview.ts); null before there is one. */
  async preview(record: unknown): Promise<RenderedFile | null> {
    return this.renderer?.usable ? this.renderer.preview(record) : null;
  }

  /** Stops the renderer and the search indexer (the live release stays where it is). */
  async close(): Promise<void> {
    await this.idle();
    await this.renderer?.close();
    this.renderer = null;
    await closeSearchIndexer();
  }

  private pruning: Promise<void> = Promise.resolve();

  /**
   * Removes releases beyond those kept, after the build (removing 50,000 files takes a while,
   * and no reader waits for it); one removal at a time.
   */
  private pruneLater(): void {
    this.pruning = this.pruning
      .then(() => this.releases.prune(this.options.keepReleases))
      .then(
        () => {},
        (error: unknown) => (this.options.log ?? (() => {}))(`pruning old releases failed: ${(error as Error).message}`),
      );
  }

  private async drain(): Promise<void> {
    while (this.queuedReasons.length > 0) {
      const reasons = this.queuedReasons.splice(0);
      const force = this.forceNext;
      const whole = this.wholeNext;
      this.forceNext = false;
      this.wholeNext = false;
      await this.buildOnce(reasons, force, whole);
    }
  }

  /** The renderer, compiled from the site as it is now; a new one (and so a whole build) when the site changed or the last one failed. */
  private async currentRenderer(): Promise<{ renderer: SiteRenderer; fresh: boolean }> {
    const { siteDir, siteUrl, submitUrl } = this.options;
    if (this.renderer?.usable && this.renderer.compiled.fingerprint === (await siteFingerprint(siteDir, siteUrl, { submitUrl }))) {
      return { renderer: this.renderer, fresh: false };
    }
    await this.renderer?.close();
    this.renderer = null;
    this.basis = null;
    this.renderer = await SiteRenderer.start({
      siteDir,
      siteUrl,
      submitUrl,
      memoryMb: this.options.rendererMemoryMb,
      log: this.options.log,
    });
    return { renderer: this.renderer, fresh: true };
  }

  /**
   * One build: the renderer, the release it builds on, the plan, the release, the switch;
   * then its record. Whatever fails, the live release stays and the record says why.
   */
  private async buildOnce(reasons: string[], force: boolean, wholeAsked: boolean): Promise<void> {
    const build = new BuildRun(this.releases.newId(), reasons);
    const log = this.options.log ?? (() => {});
    log(`build ${build.release} (${describe(reasons)})`);
    try {
      const renderer = await build.time('renderer', () => this.currentRenderer());
      const basis = await this.chooseBasis(build, !renderer.fresh && !wholeAsked);
      if (basis === null) await renderer.renderer.reset();
      const plan = await build.time('sync', () => this.plan(renderer.renderer, renderer.fresh));
      build.plan = plan;
      for (const [name, ms] of Object.entries(plan.timings)) build.timings[`sync.${name}`] = Math.round(ms);
      // The pages go live first and the search shards, the slowest part, in a release of their own right after.
      const searchLater =
        basis !== null &&
        !this.searchOwed &&
        plan.searchMayFollow &&
        sum(plan.search.map((shard) => shard.records)) >= SEARCH_FOLLOWS_FROM &&
        !untouched(withoutSearch(plan));
      const released = searchLater ? withoutSearch(plan) : plan;
      if (basis !== null && untouched(released)) {
        log('nothing on the site changed; the live release stays');
      } else {
        this.refuseShrinking(plan, force, build.live);
        const change = await this.writeRelease(build, renderer.renderer, released, basis);
        await build.time('switch', () => this.goLive(build.release, change));
        build.published = true;
      }
      await renderer.renderer.commit({ search: !searchLater });
      this.basis = build.published ? build.release : build.live;
      if (build.published) {
        this.pruneLater();
        this.searchOwed = searchLater;
        if (searchLater) this.request(`search shards of ${build.release}`);
      }
      // Posters the sync had no time for: the next build draws more, until none is left.
      if (plan.postersPending > 0) this.request(`分享海报: ${plan.postersPending} still to draw`);
    } catch (caught) {
      build.error = caught instanceof Refused ? caught.message : `build failed: ${(caught as Error).stack ?? caught}`;
      await this.dropFailedRenderer();
    } finally {
      if (!build.published) await this.discard(build.release);
    }
    this.logOutcome(build, log);
    await this.history.record(build.finish());
  }

  /** The live release to build on when the renderer's last plan describes it, or null: a whole build. */
  private async chooseBasis(build: BuildRun, incremental: boolean): Promise<string | null> {
    build.live = await this.releases.live();
    const basis = incremental && build.live !== null && build.live === this.basis ? build.live : null;
    build.mode = basis === null ? 'whole' : 'incremental';
    return basis;
  }

  private plan(renderer: SiteRenderer, fresh: boolean): Promise<Plan> {
    return renderer.sync({
      source: this.options.source,
      mediaDir: this.mediaDir,
      now: this.options.now ?? new Date().toISOString(),
      preview: this.options.preview,
      full: fresh,
    });
  }

  /** A release much smaller than the live one is refused unless forced: a broken snapshot must not empty the site. */
  private refuseShrinking(plan: Plan, force: boolean, live: string | null): void {
    const { lastSuccess } = this.history.state;
    const previous = lastSuccess?.release === live ? lastSuccess?.pages : null;
    if (!force && previous && plan.pages.html < previous * this.options.minPageRatio) {
      throw new Refused(
        `page count: ${plan.pages.html} pages against ${previous} live (below ${Math.round(this.options.minPageRatio * 100)}%); publish with --force if this is intended`,
      );
    }
  }

  private async writeRelease(build: BuildRun, renderer: SiteRenderer, plan: Plan, basis: string | null): Promise<ReleaseChange> {
    const outcome = await buildRelease({
      releases: this.releases,
      renderer,
      plan,
      id: build.release,
      basis,
      siteUrl: this.options.siteUrl,
    });
    build.written = true;
    for (const [name, ms] of Object.entries(outcome.ms)) build.timings[name] = Math.round(ms);
    if (outcome.problems.length > 0) throw new Refused(`checks failed:\n${outcome.problems.join('\n')}`);
    return outcome.change;
  }

  private async goLive(release: string, change: ReleaseChange): Promise<void> {
    await this.releases.finish(release, change);
    await this.releases.activate(release);
  }

  /** A renderer that failed or hung is replaced at the next build, which is then whole. */
  private async dropFailedRenderer(): Promise<void> {
    if (this.renderer && !this.renderer.usable) {
      await this.renderer.close().catch(() => {});
      this.renderer = null;
    }
  }

  /** What a build that did not go live left. */
  private async discard(release: string): Promise<void> {
    await rm(this.releases.partialDir(release), { recursive: true, force: true }).catch(() => {});
  }

  private logOutcome(build: BuildRun, log: (line: string) => void): void {
    const { plan } = build;
    if (build.error) log(`release ${build.release} refused; the live release is unchanged.\n${build.error}`);
    else if (build.published)
      log(
        `release ${build.release} is live (${build.mode}, ${plan!.pages.changed.length} rendered, ${plan!.pages.removed.length} removed, ${plan!.pages.html} pages)`,
      );
    for (const warning of plan?.warnings ?? []) log(`warning: ${warning}`);
  }
}

const describe = (reasons: string[]) =>
  `${reasons.length} request${reasons.length === 1 ? '' : 's'}: ${reasons.slice(0, 3).join('; ')}${reasons.length > 3 ? '; …' : ''}`;

/**
 * Search shards holding this many records in all, or more, follow a publish in a release of
 * their own; fewer are indexed in the publish's release (that costs less than a release more).
 */
const SEARCH_FOLLOWS_FROM = 50;

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** A plan without its search shards: the release keeps the live ones. */
function withoutSearch(plan: Plan): Plan {
  const bundles = new Set(plan.search.map((shard) => shard.dir));
  return { ...plan, search: [], discarded: plan.discarded.filter((file) => !bundles.has(file)) };
}

/** Whether a plan changes nothing the site serves. */
const untouched = (plan: Plan) =>
  plan.pages.changed.length + plan.pages.removed.length + plan.media.added.length + plan.media.removed.length + plan.search.length === 0;
