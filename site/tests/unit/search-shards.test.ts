/**
 * Search shards grow in number, not in size: none holds more than its size, the layout is a
 * function of the paths alone, and one more record changes one shard (or splits it in two).
 */
import { describe, expect, test } from 'vitest';
import { searchShards } from '../../src/lib/search-shards';

const records = (count: number, from = 0) => Array.from({ length: count }, (_, index) => ({ url: `/stories/s-${from + index}/` }));
const layout = (shards: Array<{ name: string; records: Array<{ url: string }> }>) =>
  new Map(shards.map((shard) => [shard.name, shard.records.map((record) => record.url).join(' ')]));

describe('search shards', () => {
  test('few records are 16 shards; many are split into more, of at most the size, every record in one', () => {
    expect(searchShards(records(30), 40).map((shard) => shard.name)).toEqual(
      [0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15].map((bits) => `4-${bits}`),
    );
    // From one part up (the sitemap's parts of story pages).
    expect(searchShards(records(30), 40, 0).map((shard) => shard.name)).toEqual(['0-0']);
    expect(searchShards(records(100), 40, 0).every((shard) => shard.records.length <= 40)).toBe(true);
    const shards = searchShards(records(1000), 40);
    expect(shards.length).toBeGreaterThanOrEqual(1000 / 40);
    expect(Math.max(...shards.map((shard) => shard.records.length))).toBeLessThanOrEqual(40);
    expect(shards.flatMap((shard) => shard.records.map((record) => record.url)).sort()).toEqual(
      records(1000)
        .map((r) => r.url)
        .sort(),
    );
  });

  test('one more record changes one shard or splits one in two', () => {
    const before = layout(searchShards(records(1000), 40));
    for (let extra = 0; extra < 20; extra += 1) {
      const after = layout(searchShards([...records(1000), ...records(1, 5000 + extra)], 40));
      const changed = [...after].filter(([name, urls]) => before.get(name) !== urls).length;
      const gone = [...before.keys()].filter((name) => !after.has(name)).length;
      expect(changed + gone).toBeLessThanOrEqual(3);
    }
  });
});
