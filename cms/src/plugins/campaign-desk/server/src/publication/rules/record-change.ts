/**
 * A record published, saved while public (no Draft & Publish), unpublished or deleted is a
 * public change: declared here for the contract check, journal and outbox registered outside.
 *
 * What the public was told decides what is withdrawn: a record that stops being public
 * without being unpublished (a placement whose verification is taken back) is withdrawn,
 * and deleting one the public never saw (a pitched placement, a draft) announces nothing.
 */
import type { Core } from '@strapi/strapi';
import type { RecordType } from '@campaign-desk/shared';
import { recordTypeOf } from '../../record-types';
import { getService } from '../../utils';
import { documentIdOf, effectOf, paramsOf, rule, type Rule } from '../../document-service/actions';
import { declareChange, upsertOf, type PublicChange } from './public-changes';
import journal from '../services/journal';

export default (strapi: Core.Strapi): Rule => {
  async function withdrawal(type: RecordType, documentId: string, event: 'unpublish' | 'delete'): Promise<PublicChange | null> {
    const wasPublic = await getService(strapi, journal).isPublic(type, documentId);
    return wasPublic ? { effect: 'withdraw', type, documentId, event } : null;
  }

  return rule('recordChange', ['create', 'update', 'delete', 'publish', 'unpublish'], async (context, next) => {
    const type = recordTypeOf(context.uid);
    const params = paramsOf(context);
    const effect = type && effectOf(context.action, params, Boolean(context.contentType.options?.draftAndPublish));
    if (!type || !effect) return next();
    const result = await next();
    const documentId = documentIdOf(params, result);
    if (!documentId) return result;
    const change =
      effect === 'upsert'
        ? ((await upsertOf(strapi, type, documentId)) ?? (await withdrawal(type, documentId, 'unpublish')))
        : await withdrawal(type, documentId, context.action === 'delete' ? 'delete' : 'unpublish');
    if (change) declareChange(context, change);
    return result;
  });
};
