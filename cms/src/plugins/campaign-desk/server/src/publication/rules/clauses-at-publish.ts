/** Publishing an opinion publishes its clauses as they stand: stored on the published version, which the public reads. */
import type { Core } from '@strapi/strapi';
import { UID } from '../../../../common/names';
import { getService } from '../../utils';
import { documentIdOf, paramsOf, publishes, rule, type Rule } from '../../document-service/actions';
import publishedClauses from '../services/published-clauses';

export default (strapi: Core.Strapi): Rule =>
  rule('clausesAtPublish', ['create', 'update', 'publish'], async (context, next) => {
    const params = paramsOf(context);
    if (context.uid !== UID.opinion || !publishes(context.action, params)) return next();
    const result = await next();
    const documentId = documentIdOf(params, result);
    if (documentId) await getService(strapi, publishedClauses).freeze(documentId);
    return result;
  });
