/**
 * Each public change is announced to the build hooks: a publish event written to the outbox
 * in the transaction of the change, so an event exists exactly when the change committed.
 */
import type { Core } from '@strapi/strapi';
import { getService } from '../utils';
import { writesCampaignContent, type Middleware } from './actions';
import { changesOf } from './public-changes';

export default (strapi: Core.Strapi): Middleware =>
  async (context, next) => {
    if (!writesCampaignContent(context.uid, context.action)) return next();
    return strapi.db.transaction(async () => {
      const result = await next();
      for (const change of changesOf(context)) {
        if (change.effect === 'upsert') await getService(strapi, 'outbox').enqueue('publish', change.record);
        else await getService(strapi, 'outbox').enqueue(change.event, change);
      }
      return result;
    });
  };
