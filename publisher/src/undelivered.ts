/**
 * Whether the CMS holds publish events it has not delivered (to this publisher or another
 * hook), for `/status`: an operator who reads the site's side learns that a publish is stuck
 * on the CMS's side. Asked of the plugin's `undelivered` route, beside the snapshot API and
 * with the same read-only token, when `/status` is read (not polled), kept briefly so a
 * dashboard refreshing often does not load the CMS, and never an error: a CMS that cannot be
 * asked is reported as such, and `/status` answers all the same.
 */
import { undeliveredReportSchema, type UndeliveredReport } from '@campaign-desk/shared';
import type { SnapshotSource } from '@campaign-desk/site/renderer';

export type CmsDeliveries =
  /** The snapshot is read from a file: there is no CMS to ask. */
  | { checked: false }
  | ({ checked: true; checkedAt: string } & (({ ok: true; undelivered: boolean } & UndeliveredReport) | { ok: false; error: string }));

export interface UndeliveredOptions {
  /** How long an answer is reused. */
  cacheMs?: number;
  /** How long the CMS may take to answer before `/status` reports it unreachable. */
  timeoutMs?: number;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The plugin's routes sit side by side: `…/api/campaign-desk/snapshot` → `…/api/campaign-desk/undelivered`. */
export function undeliveredUrl(snapshotUrl: string): string {
  return new URL('undelivered', snapshotUrl).href;
}

export class UndeliveredEvents {
  private cached: { at: number; answer: Promise<CmsDeliveries> } | null = null;
  private readonly cacheMs: number;
  private readonly timeoutMs: number;

  constructor(
    private readonly source: SnapshotSource,
    options: UndeliveredOptions = {},
  ) {
    this.cacheMs = options.cacheMs ?? 10_000;
    this.timeoutMs = options.timeoutMs ?? 3_000;
  }

  /** The CMS's answer, at most `cacheMs` old; one request at a time however many ask. */
  report(): Promise<CmsDeliveries> {
    if (this.source.kind === 'file') return Promise.resolve({ checked: false });
    const now = Date.now();
    if (!this.cached || now - this.cached.at >= this.cacheMs) this.cached = { at: now, answer: this.ask(this.source) };
    return this.cached.answer;
  }

  private async ask(source: Extract<SnapshotSource, { kind: 'http' }>): Promise<CmsDeliveries> {
    const checkedAt = new Date().toISOString();
    try {
      const response = await fetch(undeliveredUrl(source.url), {
        headers: source.token ? { authorization: `Bearer ${source.token}` } : {},
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await response.text();
      if (!response.ok)
        return { checked: true, checkedAt, ok: false, error: `the CMS answered HTTP ${response.status}: ${text.slice(0, 200)}` };
      const report = undeliveredReportSchema.safeParse(parseJson(text));
      if (!report.success)
        return {
          checked: true,
          checkedAt,
          ok: false,
          error: `the CMS's answer is not a report of undelivered events: ${text.slice(0, 200)}`,
        };
      return { checked: true, checkedAt, ok: true, undelivered: report.data.failed + report.data.overdue > 0, ...report.data };
    } catch (error) {
      const cause = (error as Error).cause as NodeJS.ErrnoException | undefined;
      return {
        checked: true,
        checkedAt,
        ok: false,
        error: `the CMS could not be asked: ${(error as Error).message}${cause?.code ? ` (${cause.code})` : ''}`,
      };
    }
  }
}
