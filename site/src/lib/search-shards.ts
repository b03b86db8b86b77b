/**
 * The search index in shards by a hash of the page's path, each a Pagefind bundle of its own
 * that the search page merges in the browser; a publish re-indexes only the shards whose
 * records changed, each of SHARD_SIZE records at most.
 */

/**
 * The most records a shard holds: what a publish indexes again at most, whatever the size of
 * the archive. The shards grow in number instead (16 up to about 6,000 records, 32 at 10,000,
 * 256 at 100,000).
 * In the browser a merged shard costs only its own index files: Pagefind's script and
 * WebAssembly are loaded once, for the first.
 */
export const SHARD_SIZE = 400;

/** Where shard `name` is published. */
export const searchBundle = (name: string) => `/pagefind/${name}/`;

/** FNV-1a of a page's path: which shard it lands in depends on nothing else. */
function hashOf(path: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < path.length; index += 1) {
    hash ^= path.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * Bits of the hash every shard is split by, whatever the number of records: 16 shards at least,
 * as the index always had (Pagefind ranks within a shard, and search was tuned on these), and
 * the bits past which a shard never splits (paths whose hashes collide).
 */
const MIN_DEPTH = 4;
const MAX_DEPTH = 24;

/**
 * The shards of search records (or of anything with a url), in the order given: 2^minDepth
 * (16) by the low bits of their path's hash, each split in two by the next bit while it holds more than
 * `size` (extendible hashing). The shards are a function of the paths alone, so a whole
 * build and a publish agree; a change lands in one shard, which at most splits in two (or,
 * when records go, joins its sibling), so a publish indexes again at most `size` records.
 */
export function searchShards<T extends { url: string }>(
  records: T[],
  size = SHARD_SIZE,
  minDepth = MIN_DEPTH,
): Array<{ name: string; records: T[] }> {
  const shards: Array<{ name: string; records: T[] }> = [];
  const split = (held: Array<{ hash: number; record: T }>, depth: number, bits: number): void => {
    if (depth >= minDepth && (held.length <= size || depth >= MAX_DEPTH)) {
      shards.push({ name: `${depth}-${bits}`, records: held.map((entry) => entry.record) });
      return;
    }
    const halves: [typeof held, typeof held] = [[], []];
    for (const entry of held) halves[((entry.hash >>> depth) & 1) as 0 | 1].push(entry);
    split(halves[0], depth + 1, bits);
    split(halves[1], depth + 1, bits | (1 << depth));
  };
  split(
    records.map((record) => ({ hash: hashOf(record.url), record })),
    0,
    0,
  );
  return shards;
}
