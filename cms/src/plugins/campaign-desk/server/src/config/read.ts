/** What the running plugin reads from Strapi's configuration, each read one way everywhere. */
import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../../common/names';
import { configSchema, type PluginConfig } from '.';

/**
 * The plugin's settings: the app's, validated at start-up and read here through the schema,
 * so every value unset in the app's config (an unset variable) takes its default. Parsed on
 * every read (a few microseconds), never cached: Strapi's configuration can be changed while
 * it runs (`strapi.config.set`), and a cached copy would go on applying the old values.
 */
export function pluginConfig(strapi: Core.Strapi): PluginConfig {
  return configSchema.parse(strapi.config.get(`plugin::${PLUGIN_ID}`));
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
