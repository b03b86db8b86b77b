import type { Core } from '@strapi/strapi';
import changes from './changes';
import slugs from './slugs';
import taxonomyLock from './taxonomy-lock';
import workflow from './workflow';

/** Outermost first: guards refuse early, then slugs are filled, then the change is recorded. */
export function registerDocumentMiddlewares(strapi: Core.Strapi) {
  strapi.documents.use(taxonomyLock(strapi));
  strapi.documents.use(workflow(strapi));
  strapi.documents.use(slugs(strapi));
  strapi.documents.use(changes(strapi));
}
