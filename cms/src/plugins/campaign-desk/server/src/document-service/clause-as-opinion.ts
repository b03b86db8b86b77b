/**
 * A clause is public as part of its opinion: creating, editing or deleting one changes the
 * opinion(s) it leaves or joins, declared here as public changes of those opinions.
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../../../common/names';
import { documentIdOf, paramsOf, type Middleware } from './actions';
import { declareChange, upsertOf } from './public-changes';

export default (strapi: Core.Strapi): Middleware => {
  async function opinionsOf(clauseId: string | undefined): Promise<string[]> {
    if (!clauseId) return [];
    const clauses = (await strapi.db.query(UID.clause).findMany({
      where: { documentId: clauseId },
      populate: { opinion: { select: ['documentId'] } },
    })) as Array<{ opinion?: { documentId: string } | null }>;
    return clauses.map((clause) => clause.opinion?.documentId).filter((id): id is string => Boolean(id));
  }

  return async (context, next) => {
    if (context.uid !== UID.clause || !['create', 'update', 'delete'].includes(context.action)) return next();
    const params = paramsOf(context);
    const before = await opinionsOf(params.documentId);
    const result = await next();
    const after = await opinionsOf(documentIdOf(params, result));
    for (const opinionId of new Set([...before, ...after])) {
      const change = await upsertOf(strapi, 'opinion', opinionId);
      if (change) declareChange(context, change);
    }
    return result;
  };
};
