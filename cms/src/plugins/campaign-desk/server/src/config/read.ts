/** The plugin's configuration as the running plugin reads it, the same way everywhere. */
import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../../common/names';
import type { PluginConfig } from '.';

/** The plugin's settings: the app's, over the defaults of `config/index.ts`, validated at start-up. */
export function pluginConfig(strapi: Core.Strapi): PluginConfig {
  return strapi.config.get(`plugin::${PLUGIN_ID}`) as PluginConfig;
}
