/** One build as it goes (what it built on, its plan, where the time went) and the record it leaves. */
import type { Plan } from '@campaign-desk/site/renderer';

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

/** The state of one build, filled in step by step; `finish()` makes its record. */
export class BuildRun {
  readonly started = new Date();
  /** The live release when the build began. */
  live: string | null = null;
  mode: BuildRecord['mode'] = null;
  plan: Plan | null = null;
  /** The release's files were written (whether or not its checks then passed). */
  written = false;
  published = false;
  error: string | null = null;
  readonly timings: Record<string, number> = {};

  constructor(
    readonly release: string,
    readonly reasons: string[],
  ) {}

  /** Runs a step and notes its milliseconds under `name`. */
  async time<T>(name: string, step: () => Promise<T>): Promise<T> {
    const begun = performance.now();
    try {
      return await step();
    } finally {
      this.timings[name] = Math.round(performance.now() - begun);
    }
  }

  finish(): BuildRecord {
    const finished = new Date();
    const { plan } = this;
    return {
      // A build that found nothing to change leaves the live release live.
      release: this.error === null && !this.published ? (this.live ?? this.release) : this.release,
      startedAt: this.started.toISOString(),
      finishedAt: finished.toISOString(),
      durationMs: finished.getTime() - this.started.getTime(),
      ok: this.error === null,
      mode: this.mode,
      pages: plan?.pages.html ?? null,
      rendered: plan && this.written ? plan.pages.changed.length : 0,
      removed: plan && this.written ? plan.pages.removed.length : 0,
      error: this.error,
      warnings: plan?.warnings ?? [],
      reasons: this.reasons,
      timings: this.timings,
    };
  }
}
