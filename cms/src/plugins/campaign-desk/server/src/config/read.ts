/** What the running plugin reads from Strapi's configuration, each read one way everywhere. */
import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../../common/names';
import type { PluginConfig } from '.';

/** The plugin's settings: the app's, over the defaults of `config/index.ts`, validated at start-up. */
export function pluginConfig(strapi: Core.Strapi): PluginConfig {
  return strapi.config.get(`plugin::${PLUGIN_ID}`) as PluginConfig;
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
