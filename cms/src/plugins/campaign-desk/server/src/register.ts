import type { Core } from '@strapi/strapi';
import { partnerTokenStrategy } from './auth/partner-token';
import { registerDocumentMiddlewares } from './document-service';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerDocumentMiddlewares(strapi);
  strapi.get('auth').register('content-api', partnerTokenStrategy(strapi));
};
