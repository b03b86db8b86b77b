/**
 * A record published, saved while public (no Draft & Publish), unpublished or deleted is a
 * public change: declared here for the contract check, journal and outbox registered outside.
 */
import type { Core } from '@strapi/strapi';
import { recordTypeOf } from '../record-types';
import { documentIdOf, effectOf, paramsOf, type Middleware } from './actions';
import { declareChange, upsertOf } from './public-changes';

export default (strapi: Core.Strapi): Middleware =>
  async (context, next) => {
    const type = recordTypeOf(context.uid);
    const params = paramsOf(context);
    const effect = type && effectOf(context.action, params, Boolean(context.contentType.options?.draftAndPublish));
    if (!type || !effect) return next();
    const result = await next();
    const documentId = documentIdOf(params, result);
    if (!documentId) return result;
    const change =
      effect === 'upsert'
        ? await upsertOf(strapi, type, documentId)
        : ({ effect, type, documentId, event: context.action === 'delete' ? 'delete' : 'unpublish' } as const);
    if (change) declareChange(context, change);
    return result;
  };
