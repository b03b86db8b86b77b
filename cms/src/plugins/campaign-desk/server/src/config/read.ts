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
 * absolute against: `PUBLIC_URL` (`server.url`), or, unset (only outside production, see
 * config/server.ts), the address the server is configured to listen on. Never a request's
 * Host header, which whoever sends the request chooses.
 */
export function publicUrl(strapi: Core.Strapi): string {
  return strapi.config.get<string>('server.absoluteUrl');
}
