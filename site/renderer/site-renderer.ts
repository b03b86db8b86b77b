/**
 * The renderer as the publisher holds it: the compiled site running in a worker thread.
 * The worker keeps the records and the plan between calls; a worker that fails or hangs is
 * stopped, and the next start() makes a fresh one (whose first plan is everything).
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FooterConfig } from '../src/lib/footer';
import type { SearchRecord } from '../src/lib/search';
import type { Plan, RenderedFile, SourcedFile, SyncInput } from '../src/render/plan';
import { compileSite, type Compiled } from './compile';
import { siteEnvironment } from './environment';

export type { Plan, RenderedFile, SearchRecord, SourcedFile, SyncInput };

export type RendererOptions = {
  siteDir: string;
  siteUrl: string;
  /** The footer's settings; from this process's environment when not given (see src/lib/footer.ts). */
  footer?: FooterConfig;
  /** Where the site's forms post (CAMPAIGN_DESK_SUBMIT_URL unless given). */
  submitUrl?: string;
  /** The worker's heap limit; a worker that needs more is stopped, not the publisher. */
  memoryMb?: number;
  log?: (line: string) => void;
};

/** How long a call may take before the worker is taken to hang. */
const TIMEOUTS_MS = { sync: 15 * 60_000, render: 2 * 60_000, other: 60_000 } as const;
/** Pages asked for at once; the next batch renders while the host writes the last. */
const BATCH = 64;

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout };

export class RendererError extends Error {
  override name = 'RendererError';
}

export const DEFAULT_SITE_DIR = fileURLToPath(new URL('..', import.meta.url));

export class SiteRenderer {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | null = null;

  private constructor(
    private readonly worker: Worker,
    readonly compiled: Compiled,
    /** The compiled site's client files, as site paths. */
    readonly assets: string[],
  ) {
    worker.on('message', (message: { id?: number; result?: unknown; error?: { message: string; stack?: string } }) => {
      const call = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!call) return;
      this.pending.delete(message.id!);
      clearTimeout(call.timer);
      if (message.error) {
        const error = new RendererError(message.error.message);
        if (message.error.stack) error.stack = message.error.stack;
        call.reject(error);
      } else call.resolve(message.result);
    });
    const fail = (error: Error) => {
      // A hang that stopped the worker is reported as the hang, not as the stop.
      this.failure ??= error;
      for (const call of this.pending.values()) {
        clearTimeout(call.timer);
        call.reject(this.failure);
      }
      this.pending.clear();
    };
    worker.on('error', (error) => fail(new RendererError(`the renderer failed: ${error.message}`)));
    worker.on('exit', (code) => fail(new RendererError(`the renderer stopped (exit ${code})`)));
  }

  /** Compiles the site if its sources changed since the last compile, and starts a worker on it. */
  static async start(options: RendererOptions): Promise<SiteRenderer> {
    const compiled = await compileSite(options.siteDir, options.siteUrl, options.log, {
      footer: options.footer,
      submitUrl: options.submitUrl,
    });
    const worker = new Worker(new URL('./worker.mjs', import.meta.url), {
      workerData: { entry: compiled.entry },
      resourceLimits: { maxOldGenerationSizeMb: options.memoryMb ?? 4096 },
      // The compiled site reads SITE_URL and friends from the environment it is given, and
      // gets nothing else (see environment.ts); it is the production bundle compile.ts made.
      // Astro reads where the forms post at render time: it is the compile's, as its fingerprint says.
      env: { ...siteEnvironment(), SITE_URL: options.siteUrl, CAMPAIGN_DESK_SUBMIT_URL: compiled.submitUrl, NODE_ENV: 'production' },
    });
    await new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new RendererError(`the renderer stopped while starting (exit ${code})`)));
    });
    const assets = existsSync(compiled.clientDir)
      ? (await readdir(compiled.clientDir, { recursive: true, withFileTypes: true }))
          .filter((entry) => entry.isFile())
          .map((entry) => `/${path.relative(compiled.clientDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')}`)
      : [];
    return new SiteRenderer(worker, compiled, assets);
  }

  /** Whether the worker can still be used (it has not failed, hung or been closed). */
  get usable(): boolean {
    return this.failure === null;
  }

  private call<T>(method: string, args: unknown[], timeoutMs: number): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.failure ??= new RendererError(`the renderer took more than ${timeoutMs / 1000} s to ${method} and was stopped`);
        void this.worker.terminate();
      }, timeoutMs);
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
      this.worker.postMessage({ id, method, args });
    });
  }

  /** Reads the snapshot and answers what changed against the live release. */
  sync(input: Omit<SyncInput, 'assets'>): Promise<Plan> {
    return this.call('sync', [{ ...input, assets: this.assets }], TIMEOUTS_MS.sync);
  }

  /** The last plan went live; without `search`, its search shards did not (they go in the next release). */
  commit(options: { search?: boolean } = {}): Promise<void> {
    return this.call('commit', [options], TIMEOUTS_MS.other);
  }

  /** The next plan is everything (a full build). */
  reset(): Promise<void> {
    return this.call('reset', [], TIMEOUTS_MS.other);
  }

  /** Renders `paths` in batches, handing each file to `onFile` while the next batch renders. */
  async render(paths: string[], onFile: (file: RenderedFile) => Promise<void>): Promise<void> {
    const batches: string[][] = [];
    for (let start = 0; start < paths.length; start += BATCH) batches.push(paths.slice(start, start + BATCH));
    let next = batches.length > 0 ? this.call<RenderedFile[]>('render', [batches[0]], TIMEOUTS_MS.render) : null;
    for (let index = 0; next; index += 1) {
      const files = await next;
      next = index + 1 < batches.length ? this.call<RenderedFile[]>('render', [batches[index + 1]], TIMEOUTS_MS.render) : null;
      // A batch in flight is not left to fail unseen if writing this one throws.
      next?.catch(() => {});
      await Promise.all(files.map(onFile));
    }
  }

  /** A story's draft rendered on its page with the 预览 banner, from the records of the last sync; written nowhere. */
  preview(record: unknown): Promise<RenderedFile> {
    return this.call('preview', [record], TIMEOUTS_MS.render);
  }

  searchShard(shard: string): Promise<SearchRecord[]> {
    return this.call('searchShard', [shard], TIMEOUTS_MS.other);
  }

  /** The compiled site's client files (scripts, styles, fonts), as files of a release. */
  get clientFiles(): SourcedFile[] {
    return this.assets.map((asset) => ({ file: asset.slice(1), source: path.join(this.compiled.clientDir, asset.slice(1)) }));
  }

  async close(): Promise<void> {
    this.failure ??= new RendererError('the renderer was closed');
    await this.worker.terminate();
  }
}
