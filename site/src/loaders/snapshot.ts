/**
 * Reading the campaign snapshot: from the CMS's snapshot API (paged, incremental with a
 * `since` cursor) or from a snapshot saved to a file. Every record is checked against the
 * shared contract before anything is handed on, so one broken record stops the whole
 * sync with a message naming its collection, documentId and field, and nothing is written.
 *
 * Many collections read the same snapshot; `syncSnapshot` is memoised so one build fetches
 * it once, however many collection loaders ask.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  RECORD_SCHEMAS,
  tombstoneSchema,
  type CampaignRecord,
  type Image,
  type RecordType,
  type Tombstone,
} from '@campaign-desk/shared';

/** The collection each record type is kept in. */
export const COLLECTION_OF = {
  theme: 'themes',
  activity: 'activities',
  place: 'places',
  outlet: 'outlets',
  column: 'columns',
  figure: 'figures',
  event: 'events',
  opinion: 'opinions',
  story: 'stories',
  goodDeed: 'goodDeeds',
  placement: 'placements',
} as const satisfies Record<RecordType, string>;

export type CollectionName = (typeof COLLECTION_OF)[RecordType];

/** The one image field of each record type that has one. */
export const IMAGE_FIELD: Partial<Record<RecordType, string>> = {
  story: 'cover',
  column: 'cover',
  figure: 'portrait',
  goodDeed: 'photo',
};

export type SnapshotSource =
  | { kind: 'http'; url: string; token: string | undefined }
  | { kind: 'file'; path: string };

export type SyncResult = {
  /** True when `records` is everything published (a full export); false for changes only. */
  full: boolean;
  records: CampaignRecord[];
  tombstones: Tombstone[];
  /** The sync point to pass as `since` next time. */
  cursor: string;
  /** Local copies of the records' images: file name in the image directory by image URL. */
  images: Map<string, string>;
};

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

/** A stable name of a source: a new source means a full sync. */
export function sourceKey(source: SnapshotSource): string {
  return source.kind === 'http' ? `http:${source.url}` : `file:${source.path}`;
}

export type SyncOptions = {
  /** Directory the images are downloaded to, once per URL. */
  imageDir: string;
  fetch?: typeof fetch;
  /** Page size asked of the API. */
  limit?: number;
  warn?: (message: string) => void;
};

type Memo = { promise: Promise<SyncResult | null>; at: number };
const memo = new Map<string, Memo>();
/** Long enough for one build's loaders, short enough that `astro dev` re-syncs later. */
const MEMO_TTL_MS = 60_000;

/**
 * The records changed since `since` (everything without it), validated, with their
 * images downloaded; null when a file source still holds the sync point `since`.
 * Calls with the same source and cursor share one fetch.
 */
export function syncSnapshot(source: SnapshotSource, since: string | undefined, options: SyncOptions) {
  const key = `${sourceKey(source)}\u0000${since ?? ''}\u0000${options.imageDir}`;
  const now = Date.now();
  const cached = memo.get(key);
  if (cached && now - cached.at < MEMO_TTL_MS) return cached.promise;
  const promise = runSync(source, since, options);
  memo.set(key, { promise, at: now });
  // A failure is not kept: the next build tries again.
  promise.catch(() => memo.delete(key));
  return promise;
}

/** Forgets memoised syncs (tests, and long-running dev servers). */
export function resetSnapshotMemo(): void {
  memo.clear();
}

async function runSync(
  source: SnapshotSource,
  since: string | undefined,
  options: SyncOptions,
): Promise<SyncResult | null> {
  const pages = source.kind === 'file' ? await readFilePages(source.path) : await fetchPages(source, since, options);
  const last = pages.at(-1);
  if (last === undefined) throw new SnapshotError(`${describeSource(source)}: no snapshot page`);
  // A file is always a full export; if it still ends at the sync point held, nothing changed.
  if (source.kind === 'file' && since !== undefined && last.cursor === since) return null;

  const records: CampaignRecord[] = [];
  const tombstones: Tombstone[] = [];
  const problems: string[] = [];
  for (const page of pages) {
    for (const raw of page.records) {
      const checked = checkRecord(raw);
      if (typeof checked === 'string') problems.push(checked);
      else records.push(checked);
    }
    for (const raw of page.tombstones) {
      const parsed = tombstoneSchema.safeParse(raw);
      if (parsed.success) tombstones.push(parsed.data);
      else problems.push(`tombstone ${JSON.stringify(raw)}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    }
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 10).join('\n  ');
    const more = problems.length > 10 ? `\n  …and ${problems.length - 10} more` : '';
    throw new SnapshotError(
      `${describeSource(source)} holds records that break the contract; nothing was written:\n  ${shown}${more}`,
    );
  }
  const cms = source.kind === 'http' ? new URL(source.url).origin : process.env.CAMPAIGN_DESK_CMS_URL?.trim();
  if (cms) for (const record of records) absolutizeBodyImages(record, cms);
  const images = await downloadImages(records, options);
  return {
    full: source.kind === 'file' || since === undefined,
    records,
    tombstones: source.kind === 'file' ? [] : tombstones,
    cursor: last.cursor,
    images,
  };
}

/**
 * A record checked by its type's schema, or a message naming collection, documentId, title
 * and field: `collection stories, id abc123 (“【示例】…”), field mediaUrl: 视频类稿件必须填写…`.
 */
export function checkRecord(raw: unknown): CampaignRecord | string {
  const record = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  // Labelled 'id': Astro reads any error that mentions "document" as a browser-API mistake.
  const documentId = typeof record.documentId === 'string' ? record.documentId : '(none)';
  const label = [record.title, record.name].find((value): value is string => typeof value === 'string');
  const who = `id ${documentId}${label ? ` (“${label.slice(0, 40)}”)` : ''}`;
  const type = record.type;
  if (typeof type !== 'string' || !(type in RECORD_SCHEMAS)) {
    return `${who}, field type: unknown record type ${JSON.stringify(type)}`;
  }
  const recordType = type as RecordType;
  const result = RECORD_SCHEMAS[recordType].safeParse(raw);
  if (result.success) return result.data as CampaignRecord;
  return result.error.issues
    .map(
      (issue) =>
        `collection ${COLLECTION_OF[recordType]}, ${who}, field ${issue.path.join('.') || '(record)'}: ${issue.message}`,
    )
    .join('\n  ');
}

type RawPage = { records: unknown[]; tombstones: unknown[]; cursor: string; hasMore: boolean };

function checkPage(value: unknown, where: string): RawPage {
  const page = value as Partial<RawPage> | null;
  if (
    typeof page !== 'object' ||
    page === null ||
    !Array.isArray(page.records) ||
    !Array.isArray(page.tombstones ?? []) ||
    typeof page.cursor !== 'string' ||
    page.cursor === '' ||
    typeof page.hasMore !== 'boolean'
  ) {
    throw new SnapshotError(`${where}: not a snapshot page ({records, tombstones, cursor, hasMore})`);
  }
  return { records: page.records, tombstones: page.tombstones ?? [], cursor: page.cursor, hasMore: page.hasMore };
}

/** A file holds one snapshot page, or an array of pages in order. */
async function readFilePages(file: string): Promise<RawPage[]> {
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
  const pages = Array.isArray(value) ? value : [value];
  return pages.map((page, index) => checkPage(page, `${file} page ${index + 1}`));
}

async function fetchPages(
  source: Extract<SnapshotSource, { kind: 'http' }>,
  since: string | undefined,
  options: SyncOptions,
): Promise<RawPage[]> {
  const doFetch = options.fetch ?? fetch;
  const pages: RawPage[] = [];
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
    const page = checkPage(body, `snapshot API page ${n}`);
    pages.push(page);
    if (!page.hasMore) return pages;
    if (n >= 10_000) throw new SnapshotError('The snapshot API kept saying hasMore; stopped after 10,000 pages');
    params = { cursor: page.cursor };
  }
}

function describeSource(source: SnapshotSource): string {
  return source.kind === 'file' ? `The snapshot file ${source.path}` : `The snapshot API at ${source.url}`;
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/jpg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/avif': 'avif',
  'image/tiff': 'tiff',
};

/** The image of a record, if it has one. */
export function imageOf(record: CampaignRecord): Image | null {
  const field = IMAGE_FIELD[record.type];
  if (field === undefined) return null;
  return ((record as Record<string, unknown>)[field] as Image | null) ?? null;
}

/** The local file name of an image URL: a hash of the URL, so each URL is fetched once. */
export function imageFileName(image: Pick<Image, 'url' | 'mime'>): string | null {
  const extension = EXTENSIONS[image.mime.toLowerCase()] ?? /\.(jpe?g|png|webp|gif|avif|tiff?)$/i.exec(new URL(image.url).pathname)?.[1];
  if (extension === undefined) return null;
  return `${createHash('sha256').update(image.url).digest('hex').slice(0, 24)}.${extension.toLowerCase().replace('jpeg', 'jpg')}`;
}

/**
 * Downloads the images not downloaded before. An image that cannot be fetched is left out
 * with a warning (the page shows the CMS's copy) rather than stopping the build.
 */
async function downloadImages(records: CampaignRecord[], options: SyncOptions): Promise<Map<string, string>> {
  const doFetch = options.fetch ?? fetch;
  const wanted = new Map<string, string>();
  for (const record of records) {
    const image = imageOf(record);
    if (image === null) continue;
    const name = imageFileName(image);
    if (name !== null) wanted.set(image.url, name);
  }
  const images = new Map<string, string>();
  if (wanted.size === 0) return images;
  await mkdir(options.imageDir, { recursive: true });
  const queue = [...wanted];
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const [url, name] = next;
      const file = path.join(options.imageDir, name);
      if (!existsSync(file)) {
        try {
          const response = await doFetch(url, { signal: AbortSignal.timeout(60_000) });
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          const bytes = Buffer.from(await response.arrayBuffer());
          // Written aside and renamed, so a half-written file is never taken for a cached one.
          await writeFile(`${file}.part`, bytes);
          await rename(`${file}.part`, file);
        } catch (error) {
          options.warn?.(`image ${url} could not be downloaded (${(error as Error).message}); using the remote copy`);
          continue;
        }
      }
      images.set(url, name);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return images;
}

/**
 * Images inside rich text come from the CMS's media library with URLs relative to the CMS
 * ('/uploads/x.jpg'), unlike image fields, which the API makes absolute. Relative to the
 * site they would point nowhere, so they are resolved against the CMS: the API's origin, or
 * CAMPAIGN_DESK_CMS_URL for a snapshot file. Links are left alone (they may be site links).
 */
export function absolutizeBodyImages(record: CampaignRecord, cmsOrigin: string): void {
  const blocks = record.type === 'story' ? record.body : record.type === 'figure' ? record.biography : null;
  if (blocks === null) return;
  for (const block of blocks) {
    if (block.type !== 'image') continue;
    const url = block.image.url.trim();
    if (url.startsWith('/') && !url.startsWith('//')) block.image.url = new URL(url, cmsOrigin).href;
  }
}
