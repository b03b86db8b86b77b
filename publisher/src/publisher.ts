/**
 * The publisher: turns publish events into live releases. Builds never overlap; events
 * that arrive during a build are coalesced into exactly one follow-up build, so the last
 * publish is always reflected. A release goes live only after its checks pass; a failed
 * build or check leaves the live release untouched and is reported in the status.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkRelease } from './checks';
import { precompress } from './precompress';
import type { SiteBuilder } from './builder';
import { Releases } from './releases';

export interface BuildRecord {
  release: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  ok: boolean;
  pages: number | null;
  /** Why the release did not go live: the failing record, or the failing checks. */
  error: string | null;
  /** What asked for the build (event descriptions, start-up, a person). */
  reasons: string[];
}

export interface PublisherStatus {
  live: string | null;
  building: boolean;
  queued: boolean;
  lastBuild: BuildRecord | null;
  lastSuccess: BuildRecord | null;
  builds: number;
  releases: string[];
}

export interface PublisherOptions {
  dataDir: string;
  siteUrl: string;
  keepReleases: number;
  minPageRatio: number;
  builder: SiteBuilder;
  log?: (line: string) => void;
}

export class Publisher {
  readonly releases: Releases;
  private readonly stateFile: string;
  private readonly cacheDir: string;
  private running: Promise<void> | null = null;
  private queuedReasons: string[] = [];
  private forceNext = false;
  private state: { lastBuild: BuildRecord | null; lastSuccess: BuildRecord | null; builds: number } = {
    lastBuild: null,
    lastSuccess: null,
    builds: 0,
  };

  constructor(private readonly options: PublisherOptions) {
    this.releases = new Releases(options.dataDir);
    this.stateFile = path.join(options.dataDir, 'state.json');
    // Kept between builds: Astro's content store (with the sync cursor) and image cache.
    this.cacheDir = path.join(options.dataDir, 'cache');
  }

  /** Loads the state a previous run left (its last builds survive a restart). */
  async open(): Promise<this> {
    await mkdir(this.options.dataDir, { recursive: true });
    try {
      this.state = { ...this.state, ...JSON.parse(await readFile(this.stateFile, 'utf8')) };
    } catch {
      // first run
    }
    return this;
  }

  /** Asks for a build. During a build, requests wait and are served by a single next build. */
  request(reason: string, { force = false } = {}): void {
    this.queuedReasons.push(reason);
    this.forceNext ||= force;
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
  }

  /** Resolves when no build is running or queued. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async status(): Promise<PublisherStatus> {
    return {
      live: await this.releases.live(),
      building: this.running !== null,
      queued: this.queuedReasons.length > 0,
      lastBuild: this.state.lastBuild,
      lastSuccess: this.state.lastSuccess,
      builds: this.state.builds,
      releases: await this.releases.list(),
    };
  }

  private async drain(): Promise<void> {
    while (this.queuedReasons.length > 0) {
      const reasons = this.queuedReasons.splice(0);
      const force = this.forceNext;
      this.forceNext = false;
      await this.buildOnce(reasons, force);
    }
  }

  private async buildOnce(reasons: string[], force: boolean): Promise<void> {
    const started = new Date();
    const release = this.releases.newId(started);
    const outDir = this.releases.dir(release);
    const log = this.options.log ?? (() => {});
    log(`build ${release} (${reasons.length} request${reasons.length === 1 ? '' : 's'}: ${reasons.slice(0, 3).join('; ')}${reasons.length > 3 ? '; …' : ''})`);

    let error: string | null = null;
    let pages: number | null = null;
    const result = await this.options.builder({ outDir, cacheDir: this.cacheDir });
    if (!result.ok) {
      error = `build failed:\n${result.log}`;
    } else {
      const live = await this.releases.live();
      const report = await checkRelease(outDir, {
        siteUrl: this.options.siteUrl,
        liveDir: live ? this.releases.dir(live) : null,
        minPageRatio: this.options.minPageRatio,
        force,
      });
      pages = report.pages;
      if (report.problems.length > 0) error = `checks failed:\n${report.problems.join('\n')}`;
    }

    if (error) {
      await rm(outDir, { recursive: true, force: true });
      log(`release ${release} refused; the live release is unchanged.\n${error}`);
    } else {
      await precompress(outDir);
      await this.releases.activate(release);
      await this.releases.prune(this.options.keepReleases);
      log(`release ${release} is live (${pages} pages)`);
    }
    const finished = new Date();
    const record: BuildRecord = {
      release,
      startedAt: started.toISOString(),
      finishedAt: finished.toISOString(),
      durationMs: finished.getTime() - started.getTime(),
      ok: error === null,
      pages,
      error,
      reasons,
    };
    this.state = {
      lastBuild: record,
      lastSuccess: error === null ? record : this.state.lastSuccess,
      builds: this.state.builds + 1,
    };
    await writeFile(this.stateFile, `${JSON.stringify(this.state, null, 2)}\n`);
  }
}
