// The renderer's types reach into the site's modules, which read `import.meta.env` as Astro defines it.
/// <reference types="astro/client" />
/** The site's renderer, for the publisher: compile, render what a change touches, index for search. */
export { SiteRenderer, RendererError, DEFAULT_SITE_DIR, type Plan, type RenderedFile, type RendererOptions, type SearchRecord, type SyncInput } from './site-renderer';
export { closeSearchIndexer, writeSearchShard } from './search-index';
export { writeRelease, writeSearch, writeWholeSite, type WriteReport } from './release-writer';
export { contentType } from './content-types';
export { compileSite, siteFingerprint, type CompileSettings } from './compile';
export { BASIC_ENV, SITE_ENV, pickEnvironment, siteEnvironment } from './environment';
export { SEARCH_SHARDS, searchBundle } from '../src/lib/search';
export { MEDIA_PATH } from '../src/snapshot/media';
export { sourceFromEnv, type SnapshotSource } from '../src/snapshot/source';
export { previewFromEnv } from '../src/lib/preview';
