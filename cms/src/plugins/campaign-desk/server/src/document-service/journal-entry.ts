/** Each public change goes into the change journal, in the transaction of the change, so the snapshot can follow. */
import type { Core } from '@strapi/strapi';
import { getService } from '../utils';
import { writesCampaignContent, type Middleware } from './actions';
import { changesOf } from './public-changes';

export default (strapi: Core.Strapi): Middleware =>
  async (context, next) => {
    if (!writesCampaignContent(context.uid, context.action)) return next();
    return strapi.db.transaction(async () => {
      const result = await next();
      for (const { type, documentId, effect } of changesOf(context)) {
        await getService(strapi, 'journal').record(type, documentId, effect);
      }
      return result;
    });
  };
