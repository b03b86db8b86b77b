import type { Core } from '@strapi/strapi';
import { contentApiRoutes as coverage } from '../coverage/routes';
import { contentApiRoutes as outbox } from '../outbox/routes';
import { contentApiRoutes as participation } from '../participation/routes';
import { contentApiRoutes as publication } from '../publication/routes';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  type: 'content-api',
  routes: [...publication(strapi), ...coverage, ...outbox, ...participation],
});
