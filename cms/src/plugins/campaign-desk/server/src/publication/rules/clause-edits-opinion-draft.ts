/**
 * A clause is public as part of its opinion, as it stood at the opinion's last publish: creating,
 * editing or deleting one changes nothing public. It marks the draft of the opinion(s) the clause
 * leaves or joins as modified, in the clause's transaction, so editors see the opinion is to be
 * published again; whoever may publish it does.
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../../../../common/names';
import { getService } from '../../utils';
import { documentIdOf, paramsOf } from '../../document-service/actions';
import { step, type Step } from '../../document-service/pipeline';
import publishedClauses from '../services/published-clauses';

export default (strapi: Core.Strapi): Step => {
  async function opinionsOf(clauseId: string | undefined): Promise<string[]> {
    if (!clauseId) return [];
    const clauses = (await strapi.db.query(UID.clause).findMany({
      where: { documentId: clauseId },
      populate: { opinion: { select: ['documentId'] } },
    })) as Array<{ opinion?: { documentId: string } | null }>;
    return clauses.map((clause) => clause.opinion?.documentId).filter((id): id is string => Boolean(id));
  }

  return step('clauseEditsOpinionDraft', ['create', 'update', 'delete'], async (context) => {
    if (context.uid !== UID.clause) return;
    const params = paramsOf(context);
    const before = await opinionsOf(params.documentId);
    return async (result) => {
      const after = await opinionsOf(documentIdOf(params, result));
      await getService(strapi, publishedClauses).touchDrafts([...new Set([...before, ...after])]);
    };
  });
};
