/**
 * The compiled site's server entry (see integrations/render-adapter.mjs): it exports the
 * runtime the publisher's renderer drives, over Astro's own request renderer.
 */
import type { SSRManifest } from 'astro';
import { App } from 'astro/app';
import { createRuntime } from './runtime';

export function createExports(manifest: SSRManifest) {
  return { site: createRuntime(new App(manifest)) };
}
