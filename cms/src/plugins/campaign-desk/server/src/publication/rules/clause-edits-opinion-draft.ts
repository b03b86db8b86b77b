/**
 * A clause is public as part of its opinion, as it stood at the opinion's last publish: creating,
 * editing or deleting one changes nothing public. It marks the draft of the opinion(s) the clause
 * leaves or joins as modified, in the clause's transaction, so editors see the opinion is to be
 * published again; whoever may publish it does.
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../../../../common/names';
import { getService } from '../../utils';
import { documentIdOf, paramsOf, type Rule, rule } from '../../document-service/actions';
import publishedClauses from '../services/published-clauses';

export default (strapi: Core.Strapi): Rule => {
  async function opinionsOf(clauseId: string | undefined): Promise<string[]> {
    if (!clauseId) return [];
    const clauses = (await strapi.db.query(UID.clause).findMany({
      where: { documentId: clauseId },
      populate: { opinion: { select: ['documentId'] } },
    })) as Array<{ opinion?: { documentId: string } | null }>;
    return clauses.map((clause) => clause.opinion?.documentId).filter((id): id is string => Boolean(id));
  }

  return rule('clauseEditsOpinionDraft', ['create', 'update', 'delete'], async (context, next) => {
    if (context.uid !== UID.clause || !['create', 'update', 'delete'].includes(context.action)) return next();
    const params = paramsOf(context);
    return strapi.db.transaction(async () => {
      const before = await opinionsOf(params.documentId);
      const result = await next();
      const after = await opinionsOf(documentIdOf(params, result));
      await getService(strapi, publishedClauses).touchDrafts([...new Set([...before, ...after])]);
      return result;
    });
  });
};
