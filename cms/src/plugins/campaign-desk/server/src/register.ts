import type { Core } from '@strapi/strapi';
import { pluginConfig } from './config/read';
import { registerDocumentMiddlewares } from './document-service';
import { participationGate } from './participation/gate';
import routes from './routes';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerDocumentMiddlewares(strapi);
  // On the Koa app itself, ahead of Strapi's middlewares: the public route's door (participation/gate.ts).
  strapi.server.use(participationGate(strapi));

  const { snapshot } = pluginConfig(strapi);
  if (!snapshot.requireToken) {
    for (const route of routes['content-api'].routes) route.config.auth = false;
  }
};
