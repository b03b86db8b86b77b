/** Publishing an opinion publishes its clauses as they stand: stored on the published version, which the public reads. */
import type { Core } from '@strapi/strapi';
import { UID } from '../../../../common/names';
import { getService } from '../../utils';
import { documentIdOf, paramsOf, publishes } from '../../document-service/actions';
import { step, type Step } from '../../document-service/pipeline';
import publishedClauses from '../services/published-clauses';

export default (strapi: Core.Strapi): Step =>
  step('clausesAtPublish', ['create', 'update', 'publish'], (context) => {
    const params = paramsOf(context);
    if (context.uid !== UID.opinion || !publishes(context.action, params)) return;
    return async (result) => {
      const documentId = documentIdOf(params, result);
      if (documentId) await getService(strapi, publishedClauses).freeze(documentId);
    };
  });
