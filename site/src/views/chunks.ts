/**
 * Stable pagination. A listing's stories are cut into chunks of PAGE_SIZE counted from the
 * oldest, so a chunk's content never moves when new stories arrive: the listing's first
 * page shows the newest two chunks (PAGE_SIZE + 1 to 2 × PAGE_SIZE stories, or all of a
 * short listing) and every older chunk has a page of its own, numbered from the oldest.
 * A new story changes the first page, and at most one chunk page gains a neighbour.
 */
export const PAGE_SIZE = 20;

/** The chunk pages of a listing of `total` stories: 1 … count (the first page holds the rest). */
export function chunkPages(total: number): number {
  return Math.max(0, Math.ceil(total / PAGE_SIZE) - 2);
}

/**
 * The part of a newest-first list a page shows: the first page (chunk null) or chunk `n`.
 * Answers [start, end) into the list.
 */
export function chunkRange(total: number, chunk: number | null): [number, number] {
  const older = chunkPages(total) * PAGE_SIZE;
  if (chunk === null) return [0, total - older];
  return [total - chunk * PAGE_SIZE, total - (chunk - 1) * PAGE_SIZE];
}

export type ChunkNav = {
  /** The page of newer stories (the first page, or the next chunk). */
  newer: string | null;
  /** The page of older stories. */
  older: string | null;
};

/** Where a page of a listing at `base` (with a trailing slash) links to. */
export function chunkNav(base: string, total: number, chunk: number | null): ChunkNav {
  const count = chunkPages(total);
  if (chunk === null) return { newer: null, older: count > 0 ? `${base}${count}/` : null };
  return { newer: chunk < count ? `${base}${chunk + 1}/` : base, older: chunk > 1 ? `${base}${chunk - 1}/` : null };
}

/** The page a route's `page` parameter names: null for the first page, a chunk number, or undefined for none. */
export function chunkParam(page: string | undefined, total: number): number | null | undefined {
  if (page === undefined || page === '') return null;
  if (!/^[1-9]\d*$/.test(page)) return undefined;
  const chunk = Number(page);
  return chunk <= chunkPages(total) ? chunk : undefined;
}

/** The paths of every page of a listing at `base`: the first page, then each chunk. */
export function chunkPaths(base: string, total: number): Array<{ path: string; page: string | undefined }> {
  return [
    { path: base, page: undefined },
    ...Array.from({ length: chunkPages(total) }, (_, index) => ({ path: `${base}${index + 1}/`, page: String(index + 1) })),
  ];
}

/**
 * The pages of a listing at `base` a change of one story may touch, given where the story
 * stood in the listing before and after (index in the newest-first list and the list's
 * length; null where it was not listed): the first page, every chunk from the one holding
 * the story up, and the newest chunk before and after (their links to newer pages). Chunks
 * older than the story hold the same stories at the same places.
 */
export function touchedChunks(base: string, sides: Array<{ at: number; total: number }>, totals: number[]): string[] {
  const newest = Math.max(0, ...totals.map(chunkPages));
  const from = Math.min(newest + 1, ...sides.map(({ at, total }) => Math.floor((total - 1 - at) / PAGE_SIZE) + 1));
  const chunks = new Set(totals.map(chunkPages).filter((chunk) => chunk > 0));
  for (let chunk = from; chunk <= newest; chunk += 1) chunks.add(chunk);
  return [base, ...[...chunks].map((chunk) => `${base}${chunk}/`)];
}
