/**
 * The compiled site's server entry (see integrations/render-adapter.mjs): it exports the
 * runtime the publisher's renderer drives, over Astro's own request renderer.
 */
import { createApp } from 'astro/app/entrypoint';
import { createRuntime } from './runtime';

export const site = createRuntime(createApp());
