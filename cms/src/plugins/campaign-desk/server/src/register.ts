import type { Core } from '@strapi/strapi';
import { pluginConfig } from './config/read';
import { registerDocumentMiddlewares } from './document-service';
import routes from './routes';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerDocumentMiddlewares(strapi);

  const { snapshot } = pluginConfig(strapi);
  if (!snapshot.requireToken) {
    for (const route of routes['content-api'].routes) route.config.auth = false;
  }
};
