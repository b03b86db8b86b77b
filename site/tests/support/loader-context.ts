/**
 * Runs the campaign loaders outside Astro, the way the content layer does: every
 * collection's loader at once, each with its own store and meta store.
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { RECORD_TYPES, type RecordType } from '@campaign-desk/shared';
import { campaignLoader, type CampaignLoaderOptions } from '../../src/loaders/campaign-loader';
import { collectionOf } from '../../src/snapshot/record-types';

export type Entry = { id: string; data: Record<string, any>; digest?: string; filePath?: string };

export class FakeStore {
  entries = new Map<string, Entry>();
  writes = 0;
  get = (id: string) => this.entries.get(id);
  set = (entry: Entry) => {
    const existing = this.entries.get(entry.id);
    if (entry.digest && existing?.digest === entry.digest) return false;
    this.entries.set(entry.id, entry);
    this.writes++;
    return true;
  };
  has = (id: string) => this.entries.has(id);
  delete = (id: string) => {
    this.entries.delete(id);
    this.writes++;
  };
  keys = () => [...this.entries.keys()];
  values = () => [...this.entries.values()];
  entriesList = () => [...this.entries.entries()];
  clear = () => this.entries.clear();
  addModuleImport = () => {};
  addAssetImport = () => {};
  addAssetImports = () => {};
}

export type Site = {
  stores: Record<RecordType, FakeStore>;
  metas: Record<RecordType, Map<string, string>>;
  warnings: string[];
  /** Runs every collection's loader concurrently, as `astro build` does. */
  load: (options: CampaignLoaderOptions) => Promise<void>;
};

export function fakeSite(cacheDir: string): Site {
  const stores = Object.fromEntries(RECORD_TYPES.map((type) => [type, new FakeStore()])) as Record<RecordType, FakeStore>;
  const metas = Object.fromEntries(RECORD_TYPES.map((type) => [type, new Map<string, string>()])) as Record<RecordType, Map<string, string>>;
  const warnings: string[] = [];
  const contextOf = (type: RecordType): LoaderContext => {
    const meta = metas[type];
    const logger = {
      info: () => {},
      warn: (message: string) => warnings.push(message),
      error: (message: string) => warnings.push(message),
      debug: () => {},
      label: type,
      options: {},
      fork: () => logger,
    };
    return {
      collection: collectionOf(type),
      store: stores[type],
      meta: { get: (key: string) => meta.get(key), set: (key: string, value: string) => meta.set(key, value), has: (key: string) => meta.has(key), delete: (key: string) => meta.delete(key) },
      logger,
      config: { root: pathToFileURL(`${process.cwd()}/`), cacheDir: pathToFileURL(`${cacheDir}/`) },
      parseData: async ({ data }: { data: Record<string, unknown> }) => data,
      generateDigest: (data: unknown) => createHash('sha1').update(JSON.stringify(data)).digest('hex'),
      renderMarkdown: async () => ({ html: '' }),
    } as unknown as LoaderContext;
  };
  return {
    stores,
    metas,
    warnings,
    load: async (options) => {
      await Promise.all(RECORD_TYPES.map((type) => campaignLoader(type, options).load(contextOf(type))));
    },
  };
}
