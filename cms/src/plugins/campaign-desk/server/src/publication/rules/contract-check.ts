/**
 * A record becomes public only if it satisfies the shared contract: otherwise the action
 * fails, its transaction rolls back, and the editor is told which record and field.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ContractViolation } from '../../errors';
import { getService } from '../../utils';
import type { Stage } from '../../document-service/pipeline';
import type { PublicChange } from './public-changes';
import recordReader from '../services/record-reader';

export default (strapi: Core.Strapi): Stage<PublicChange> => ({
  name: 'contractCheck',
  each(change) {
    if (change.effect !== 'upsert') return;
    try {
      getService(strapi, recordReader).check(change.record);
    } catch (error) {
      if (!(error instanceof ContractViolation)) throw error;
      throw new errors.ValidationError(`不能发布：${error.message}`, {
        errors: error.cause.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message, name: 'ValidationError' })),
      });
    }
  },
});
