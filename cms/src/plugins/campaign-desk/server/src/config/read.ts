/** What the running plugin reads from Strapi's configuration, each read one way everywhere. */
import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../../common/names';
import { configSchema, type PluginConfig } from '.';

const parsed = new WeakMap<Core.Strapi, PluginConfig>();

/**
 * The plugin's settings: the app's, validated at start-up and read here through the schema,
 * so every value unset in the app's config (an unset variable) takes its default.
 */
export function pluginConfig(strapi: Core.Strapi): PluginConfig {
  let config = parsed.get(strapi);
  if (!config) {
    config = configSchema.parse(strapi.config.get(`plugin::${PLUGIN_ID}`));
    parsed.set(strapi, config);
  }
  return config;
}

/**
 * The absolute URL the public reaches this CMS at, which upload URLs in records are made
 * absolute against: `PUBLIC_URL` (`server.url`). Unset, it falls back to the origin of the
 * request being answered, or, with no request to go by (a publish's contract check, which
 * only needs some absolute URL), to http://localhost.
 */
export function publicUrl(strapi: Core.Strapi, requestOrigin?: string): string {
  return strapi.config.get<string>('server.url') || requestOrigin || 'http://localhost';
}
