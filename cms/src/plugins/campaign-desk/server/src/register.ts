import type { Core } from '@strapi/strapi';
import { partnerTokenStrategy } from './coverage/partner-token-strategy';
import { registerDocumentMiddlewares } from './document-service';
import { removeUploadLeftovers } from './media/upload-leftovers';
import { participationGate } from './participation/gate';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerDocumentMiddlewares(strapi);
  // On the Koa app itself, ahead of Strapi's middlewares: no upload left on disk once a request
  // is answered (media/upload-leftovers.ts), then the public route's door (participation/gate.ts).
  strapi.server.use(removeUploadLeftovers());
  strapi.server.use(participationGate(strapi));
  strapi.get('auth').register('content-api', partnerTokenStrategy(strapi));
};
