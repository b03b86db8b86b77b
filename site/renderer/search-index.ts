/**
 * Writes search shards: each a Pagefind bundle of its records (small HTML documents, indexed
 * as Chinese by the extended binary), at `/pagefind/<shard>/` in a release. Records come in
 * path order, so the same records always give the same files.
 */
import * as pagefind from 'pagefind';
import type { SearchRecord } from '../src/lib/search';

export async function writeSearchShard(records: SearchRecord[], outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  try {
    // Sent together: Pagefind's service takes them as fast as they come, in order.
    const added = await Promise.all(records.map((record) => index.addHTMLFile({ url: record.url, content: record.content })));
    const failed = added.flatMap((result, at) => (result.errors.length > 0 ? [`${records[at]!.url}: ${result.errors.join('; ')}`] : []));
    if (failed.length > 0) throw new Error(`Pagefind: ${failed.join('; ')}`);
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
