/**
 * A record becomes public only if it satisfies the shared contract: otherwise the action
 * fails, its transaction rolls back, and the editor is told which record and field.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ContractViolation } from '../errors';
import type { ShapedRecord } from '../services/record-reader';
import { getService } from '../utils';
import { writesCampaignContent, type Middleware } from './actions';
import { changesOf } from './public-changes';

export default (strapi: Core.Strapi): Middleware =>
  async (context, next) => {
    if (!writesCampaignContent(context.uid, context.action)) return next();
    return strapi.db.transaction(async () => {
      const result = await next();
      for (const change of changesOf(context)) {
        if (change.effect === 'upsert') check(strapi, change.record);
      }
      return result;
    });
  };

function check(strapi: Core.Strapi, record: ShapedRecord) {
  try {
    getService(strapi, 'record-reader').check(record);
  } catch (error) {
    if (!(error instanceof ContractViolation)) throw error;
    throw new errors.ValidationError(`不能发布：${error.message}`, {
      errors: error.cause.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message, name: 'ValidationError' })),
    });
  }
}
