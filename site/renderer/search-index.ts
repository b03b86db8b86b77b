/**
 * Writes search shards: each a Pagefind bundle of its records (custom records, indexed as
 * Chinese by the extended binary), at `/pagefind/<shard>/` in a release. Records come in
 * path order, so the same records always give the same files.
 */
import * as pagefind from 'pagefind';
import type { SearchRecord } from '../src/lib/search';

export async function writeSearchShard(records: SearchRecord[], outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  try {
    for (const record of records) {
      const added = await index.addCustomRecord(record);
      if (added.errors.length > 0) throw new Error(`Pagefind, ${record.url}: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  } finally {
    await index.deleteIndex();
  }
}

/** Stops Pagefind's indexing service (it starts again on the next shard). */
export async function closeSearchIndexer(): Promise<void> {
  await pagefind.close();
}
