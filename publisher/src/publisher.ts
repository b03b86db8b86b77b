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
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SiteRenderer, closeSearchIndexer, siteFingerprint, type Plan, type SnapshotSource } from '@campaign-desk/site/renderer';
import { buildRelease, type ReleaseOutcome } from './release-build';
import { Releases } from './releases';

export interface BuildRecord {
  release: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  ok: boolean;
  /** Whole (every page rendered) or incremental (what the change touched). */
  mode: 'whole' | 'incremental' | null;
  /** HTML pages of the release. */
  pages: number | null;
  /** Pages and files rendered, and removed, by this build. */
  rendered: number | null;
  removed: number | null;
  /** Why the release did not go live: the failing record, or the failing checks. */
  error: string | null;
  /** Links people typed into records that lead nowhere, naming the record and field; they do not stop a release. */
  warnings: string[];
  /** What asked for the build (event descriptions, start-up, a person). */
  reasons: string[];
  /** Where the time went, in milliseconds. */
  timings: Record<string, number> | null;
}

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

type State = { lastBuild: BuildRecord | null; lastSuccess: BuildRecord | null; recent: BuildRecord[]; builds: number };

/** Builds kept in the status. */
const RECENT = 20;

/** A release that must not go live, and why. */
class Refused extends Error {}

export class Publisher {
  readonly releases: Releases;
  private readonly stateFile: string;
  private readonly mediaDir: string;
  private renderer: SiteRenderer | null = null;
  /** The release the renderer's last committed plan describes, if any. */
  private basis: string | null = null;
  private running: Promise<void> | null = null;
  private queuedReasons: string[] = [];
  private forceNext = false;
  private wholeNext = false;
  private state: State = { lastBuild: null, lastSuccess: null, recent: [], builds: 0 };

  constructor(private readonly options: PublisherOptions) {
    this.releases = new Releases(options.dataDir);
    this.stateFile = path.join(options.dataDir, 'state.json');
    // Kept between builds and restarts: images and their copies, made once per URL.
    this.mediaDir = path.join(options.dataDir, 'media');
  }

  /** Loads the state a previous run left (its last builds survive a restart) and clears what a killed build left. */
  async open(): Promise<this> {
    await mkdir(this.options.dataDir, { recursive: true });
    await this.releases.discardPartials();
    try {
      this.state = { ...this.state, ...JSON.parse(await readFile(this.stateFile, 'utf8')) };
    } catch {
      // first run
    }
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
      lastBuild: this.state.lastBuild,
      lastSuccess: this.state.lastSuccess,
      recent: this.state.recent,
      builds: this.state.builds,
      releases: await this.releases.list(),
    };
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
    this.renderer = await SiteRenderer.start({ siteDir, siteUrl, submitUrl, memoryMb: this.options.rendererMemoryMb, log: this.options.log });
    return { renderer: this.renderer, fresh: true };
  }

  private async buildOnce(reasons: string[], force: boolean, wholeAsked: boolean): Promise<void> {
    const started = new Date();
    const release = this.releases.newId(started);
    const log = this.options.log ?? (() => {});
    log(`build ${release} (${reasons.length} request${reasons.length === 1 ? '' : 's'}: ${reasons.slice(0, 3).join('; ')}${reasons.length > 3 ? '; …' : ''})`);

    let plan: Plan | null = null;
    let live: string | null = null;
    let basis: { id: string; carried: Promise<void> } | null = null;
    let outcome: ReleaseOutcome | null = null;
    let mode: BuildRecord['mode'] = null;
    let error: string | null = null;
    let published = false;
    const timings: Record<string, number> = {};
    const lap = (name: string, since: number) => (timings[name] = Math.round(performance.now() - since));
    try {
      let begun = performance.now();
      const { renderer, fresh } = await this.currentRenderer();
      lap('renderer', begun);
      live = await this.releases.live();
      const basisId = !fresh && !wholeAsked && live !== null && live === this.basis ? live : null;
      mode = basisId === null ? 'whole' : 'incremental';
      if (basisId === null) await renderer.reset();
      // The live release's files are copied (as hard links) while the renderer reads what changed.
      basis = basisId === null ? null : { id: basisId, carried: this.releases.carryOver(basisId, this.releases.partialDir(release)) };
      basis?.carried.catch(() => {});

      begun = performance.now();
      plan = await renderer.sync({
        source: this.options.source,
        mediaDir: this.mediaDir,
        now: this.options.now ?? new Date().toISOString(),
        preview: this.options.preview,
        full: fresh,
      });
      lap('sync', begun);
      for (const [name, ms] of Object.entries(plan.timings)) timings[`sync.${name}`] = Math.round(ms);

      const untouched = plan.pages.changed.length + plan.pages.removed.length + plan.media.added.length + plan.media.removed.length + plan.search.length === 0;
      if (basis !== null && untouched) {
        log('nothing on the site changed; the live release stays');
        await basis.carried;
      } else {
        const previous = this.state.lastSuccess?.release === live ? this.state.lastSuccess?.pages : null;
        if (!force && previous && plan.pages.html < previous * this.options.minPageRatio) {
          throw new Refused(
            `page count: ${plan.pages.html} pages against ${previous} live (below ${Math.round(this.options.minPageRatio * 100)}%); publish with --force if this is intended`,
          );
        }
        outcome = await buildRelease({ releases: this.releases, renderer, plan, id: release, basis, siteUrl: this.options.siteUrl, mediaDir: this.mediaDir });
        for (const [name, ms] of Object.entries(outcome.ms)) timings[name] = Math.round(ms);
        if (outcome.problems.length > 0) throw new Refused(`checks failed:\n${outcome.problems.join('\n')}`);
        begun = performance.now();
        await this.releases.finish(release);
        await this.releases.activate(release);
        published = true;
        lap('switch', begun);
      }
      await renderer.commit();
      this.basis = published ? release : live;
      if (published) this.pruneLater();
    } catch (caught) {
      error = caught instanceof Refused ? caught.message : `build failed: ${(caught as Error).stack ?? caught}`;
      // A renderer that failed or hung is replaced at the next build, which is then whole.
      if (this.renderer && !this.renderer.usable) {
        await this.renderer.close().catch(() => {});
        this.renderer = null;
      }
    } finally {
      if (!published) {
        // A copy still under way (the build failed before it was awaited) is let finish, then removed.
        await basis?.carried.catch(() => {});
        await rm(this.releases.partialDir(release), { recursive: true, force: true }).catch(() => {});
      }
    }
    if (error) log(`release ${release} refused; the live release is unchanged.\n${error}`);
    else if (published) log(`release ${release} is live (${mode}, ${plan!.pages.changed.length} rendered, ${plan!.pages.removed.length} removed, ${plan!.pages.html} pages)`);
    for (const warning of plan?.warnings ?? []) log(`warning: ${warning}`);

    const finished = new Date();
    const record: BuildRecord = {
      // A build that found nothing to change leaves the live release live.
      release: error === null && !published ? (live ?? release) : release,
      startedAt: started.toISOString(),
      finishedAt: finished.toISOString(),
      durationMs: finished.getTime() - started.getTime(),
      ok: error === null,
      mode,
      pages: plan?.pages.html ?? null,
      rendered: plan && outcome ? plan.pages.changed.length : 0,
      removed: plan && outcome ? plan.pages.removed.length : 0,
      error,
      warnings: plan?.warnings ?? [],
      reasons,
      timings,
    };
    this.state = {
      lastBuild: record,
      lastSuccess: error === null ? record : this.state.lastSuccess,
      recent: [record, ...this.state.recent].slice(0, RECENT),
      builds: this.state.builds + 1,
    };
    try {
      await writeFile(this.stateFile, `${JSON.stringify(this.state, null, 2)}\n`);
    } catch (failure) {
      log(`could not save the publisher's state: ${(failure as Error).message}`);
    }
  }
}
