import type { Core } from '@strapi/strapi';
import type { PluginConfig } from './config';
import { registerDocumentMiddlewares } from './document-service';
import { PLUGIN_ID } from './record-types';
import routes from './routes';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerDocumentMiddlewares(strapi);

  const { snapshot } = strapi.config.get(`plugin::${PLUGIN_ID}`) as PluginConfig;
  if (!snapshot.requireToken) {
    for (const route of routes['content-api'].routes) route.config.auth = false;
  }
};
