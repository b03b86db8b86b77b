/**
 * Where the campaign snapshot comes from, and reading it: the CMS's snapshot API (paged,
 * incremental with a `since` cursor) or a snapshot saved to a file. Every page is checked
 * with the contract's page schema after the characters no page or feed can carry are
 * removed, so what leaves here is clean and valid; one broken record stops the whole read
 * with a message naming each broken record and field.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { snapshotPageSchema, stripIllegalXmlChars, type SnapshotPage } from '@campaign-desk/shared';
import { describePageIssues } from './issues';

export type SnapshotSource = { kind: 'http'; url: string; token: string | undefined } | { kind: 'file'; path: string };

export class SnapshotError extends Error {
  override name = 'SnapshotError';
}

/** Where the snapshot comes from, read from the environment. */
export function sourceFromEnv(env: NodeJS.ProcessEnv = process.env): SnapshotSource {
  const url = env.CAMPAIGN_DESK_SNAPSHOT_URL?.trim();
  const file = env.CAMPAIGN_DESK_SNAPSHOT_FILE?.trim();
  if (url) return { kind: 'http', url, token: env.CAMPAIGN_DESK_TOKEN?.trim() || undefined };
  if (file) return { kind: 'file', path: path.resolve(file) };
  throw new SnapshotError(
    'No campaign snapshot to read: set CAMPAIGN_DESK_SNAPSHOT_URL (and CAMPAIGN_DESK_TOKEN) to read the CMS, ' +
      'or CAMPAIGN_DESK_SNAPSHOT_FILE to read a saved snapshot.',
  );
}

export function describeSource(source: SnapshotSource): string {
  return source.kind === 'file' ? `The snapshot file ${source.path}` : `The snapshot API at ${source.url}`;
}

export type ReadOptions = {
  fetch?: typeof fetch;
  /** Page size asked of the API. */
  limit?: number;
};

/**
 * Every page from `since` (a full export without it), in order, each checked by the
 * contract. A file is always one full export: one page object, or an array of pages.
 */
export async function readSnapshot(source: SnapshotSource, since: string | undefined, options: ReadOptions = {}): Promise<SnapshotPage[]> {
  const raw = source.kind === 'file' ? await readFilePages(source.path) : await fetchPages(source, since, options);
  const pages: SnapshotPage[] = [];
  const problems: string[] = [];
  raw.forEach((page, index) => {
    const result = snapshotPageSchema.safeParse(page);
    if (result.success) pages.push(result.data);
    else problems.push(...describePageIssues(page, result.error, `page ${index + 1}`));
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, 10).join('\n  ');
    const more = problems.length > 10 ? `\n  …and ${problems.length - 10} more` : '';
    throw new SnapshotError(`${describeSource(source)} holds records that break the contract; nothing was written:\n  ${shown}${more}`);
  }
  if (pages.length === 0) throw new SnapshotError(`${describeSource(source)}: no snapshot page`);
  return pages;
}

/** Characters XML cannot carry (C0 controls…) never get further than this, in any string. */
function clean(value: unknown): unknown {
  if (typeof value === 'string') return stripIllegalXmlChars(value);
  if (Array.isArray(value)) return value.map(clean);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, clean(item)]));
  }
  return value;
}

async function readFilePages(file: string): Promise<unknown[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new SnapshotError(`Cannot read the snapshot file ${file}: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SnapshotError(`The snapshot file ${file} is not JSON: ${(error as Error).message}`);
  }
  return (Array.isArray(value) ? value : [value]).map(clean);
}

/** What the paging needs of a page before the whole of it is checked. */
const pagingSchema = snapshotPageSchema.pick({ cursor: true, hasMore: true });

async function fetchPages(
  source: Extract<SnapshotSource, { kind: 'http' }>,
  since: string | undefined,
  options: ReadOptions,
): Promise<unknown[]> {
  const doFetch = options.fetch ?? fetch;
  const pages: unknown[] = [];
  let params: Record<string, string> = since === undefined ? {} : { since };
  for (let n = 1; ; n++) {
    const url = new URL(source.url);
    for (const [key, value] of Object.entries({ ...params, limit: String(options.limit ?? 500) })) {
      url.searchParams.set(key, value);
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    if (source.token) headers.authorization = `Bearer ${source.token}`;
    let response: Response;
    try {
      response = await doFetch(url, { headers, signal: AbortSignal.timeout(60_000) });
    } catch (error) {
      throw new SnapshotError(`Cannot reach the snapshot API at ${source.url}: ${(error as Error).message}`);
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (!response.ok) {
      const message = (body as { error?: { message?: unknown } } | undefined)?.error?.message;
      throw new SnapshotError(
        `The snapshot API answered ${response.status} for page ${n}` +
          (typeof message === 'string' ? `: ${message}` : text ? `: ${text.slice(0, 300)}` : ''),
      );
    }
    if (body === undefined) throw new SnapshotError(`The snapshot API sent page ${n} that is not JSON`);
    const paging = pagingSchema.safeParse(body);
    if (!paging.success) throw new SnapshotError(`snapshot API page ${n}: not a snapshot page ({records, tombstones, cursor, hasMore})`);
    pages.push(clean(body));
    if (!paging.data.hasMore) return pages;
    if (n >= 10_000) throw new SnapshotError('The snapshot API kept saying hasMore; stopped after 10,000 pages');
    params = { cursor: paging.data.cursor };
  }
}
