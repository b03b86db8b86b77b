/**
 * The Astro content loader of every campaign collection. Each collection holds one record
 * type of the snapshot; all of them share one (memoised) sync per build, see `syncSnapshot`.
 *
 * Incremental: the sync point (cursor) is kept in the collection's meta store, the next
 * build asks only for what changed after it, applies records as upserts and tombstones as
 * deletes. A full export (first build, a new source, or a snapshot file that changed)
 * replaces the collection. Unchanged entries keep their digest and are not rewritten.
 */
import { writeFileSync, mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { RecordType } from '@campaign-desk/shared';
import { imageOf } from '../snapshot/images';
import { collectionOf } from '../snapshot/record-types';
import { sourceFromEnv, sourceKey, type SnapshotSource } from '../snapshot/source';
import { syncSnapshot } from '../snapshot/sync';

export type CampaignLoaderOptions = {
  /** Where to read from; the environment by default (see `sourceFromEnv`). */
  source?: SnapshotSource;
  fetch?: typeof fetch;
  limit?: number;
};

/** Field added to each entry: the local copy of its image, for Astro's image pipeline. */
export const LOCAL_IMAGE_FIELD = 'localImage';

export function campaignLoader(type: RecordType, options: CampaignLoaderOptions = {}): Loader {
  return {
    name: `campaign-desk:${type}`,
    load: (context) => loadCollection(type, context, options),
  };
}

async function loadCollection(type: RecordType, context: LoaderContext, options: CampaignLoaderOptions) {
  const { store, meta, logger, config } = context;
  const source = options.source ?? sourceFromEnv();
  const key = sourceKey(source);
  const since = meta.get('source') === key ? meta.get('cursor') : undefined;

  const root = fileURLToPath(config.root);
  const imageDir = fileURLToPath(new URL('campaign-images/', config.cacheDir));
  const sync = await syncSnapshot(source, since, {
    imageDir,
    fetch: options.fetch,
    limit: options.limit,
    warn: (message) => logger.warn(message),
  });
  if (sync === null) {
    logger.info(`${collectionOf(type)}: snapshot unchanged`);
    return;
  }

  // Images are imported relative to the entry's file; the entries of this loader have no
  // file of their own, so they all name a small manifest kept beside the images.
  const manifest = path.join(imageDir, 'images.json');
  const manifestPath = path.relative(root, manifest).split(path.sep).join('/');

  // Everything is parsed before anything is written: a failure leaves the store as it was.
  const entries = [];
  for (const record of sync.records) {
    if (record.type !== type) continue;
    const image = imageOf(record);
    const local = image === null ? undefined : sync.images.get(image.url);
    const data: Record<string, unknown> = { ...record, [LOCAL_IMAGE_FIELD]: local === undefined ? null : `./${local}` };
    let parsed: Record<string, unknown>;
    try {
      parsed = await context.parseData({ id: record.documentId, data, filePath: local === undefined ? undefined : manifestPath });
    } catch (error) {
      throw new Error(
        `collection ${collectionOf(type)}, id ${record.documentId}: ${(error as Error).message}`,
      );
    }
    entries.push({
      id: record.documentId,
      data: parsed,
      digest: context.generateDigest(data),
      filePath: local === undefined ? undefined : manifestPath,
    });
  }
  if (entries.some((entry) => entry.filePath !== undefined) && !existsSync(manifest)) {
    mkdirSync(imageDir, { recursive: true });
    writeFileSync(manifest, '{"note":"images downloaded by the campaign loader, named by a hash of their URL"}\n');
  }

  let removed = 0;
  if (sync.full) {
    const present = new Set(entries.map((entry) => entry.id));
    for (const id of store.keys()) {
      if (!present.has(id)) {
        store.delete(id);
        removed++;
      }
    }
  }
  for (const tombstone of sync.tombstones) {
    if (tombstone.type === type && store.has(tombstone.documentId)) {
      store.delete(tombstone.documentId);
      removed++;
    }
  }
  let changed = 0;
  for (const entry of entries) {
    if (store.set(entry)) changed++;
  }
  meta.set('source', key);
  meta.set('cursor', sync.cursor);
  logger.info(
    `${collectionOf(type)}: ${sync.full ? 'full' : 'incremental'} sync, ${changed} written, ${removed} removed, ${store.keys().length} held`,
  );
}
