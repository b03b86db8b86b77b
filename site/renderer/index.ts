// The renderer's types reach into the site's modules, which read `import.meta.env` as Astro defines it.
/// <reference types="astro/client" />
/// <reference path="../src/locals.d.ts" />
/** The site's renderer, for the publisher: compile, render what a change touches, index for search. */
export {
  SiteRenderer,
  RendererError,
  DEFAULT_SITE_DIR,
  type Plan,
  type RenderedFile,
  type RendererOptions,
  type SearchRecord,
  type SourcedFile,
  type SyncInput,
} from './site-renderer';
export { closeSearchIndexer } from './search-index';
export { siteFiles, type FilesOptions, type SiteFile } from './site-files';
export { exportSite } from './export';
export { contentType } from './content-types';
export { compileSite, siteFingerprint, type CompileSettings } from './compile';
export { BASIC_ENV, SITE_ENV, pickEnvironment, siteEnvironment } from './environment';
export { sourceFromEnv, type SnapshotSource } from '../src/snapshot/source';
export { previewFromEnv } from '../src/lib/preview';
