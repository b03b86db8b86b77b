/**
 * Every change to public campaign content runs in one transaction with its consequences:
 * a record about to become public is checked against the shared contract (a failure
 * rolls the publish back and tells the editor which field), and the journal learns
 * that the record is public or withdrawn, so the snapshot can follow.
 */
import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { RecordType } from '@campaign-desk/shared';
import { UID } from '../../../common/names';
import { recordTypeOf } from '../record-types';
import { publicUrl } from '../config/read';
import { ContractViolation } from '../errors';
import type { Operation } from '../services/journal';
import { getService } from '../utils';

type Params = { documentId?: string; status?: string; data?: Record<string, unknown> };

/** What an action does to the public version of a document, if anything. */
function effectOf(action: string, params: Params, draftAndPublish: boolean): Operation | null {
  if (action === 'delete' || (draftAndPublish && action === 'unpublish')) return 'withdraw';
  if (draftAndPublish) {
    const publishes = action === 'publish' || ((action === 'create' || action === 'update') && params.status === 'published');
    return publishes ? 'upsert' : null;
  }
  return action === 'create' || action === 'update' ? 'upsert' : null;
}

export default (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware => {
  const journal = () => getService(strapi, 'journal');
  const reader = () => getService(strapi, 'record-reader');

  /** Checks the public version of a document and journals it; a withdrawn one leaves a tombstone. */
  async function publishUpsert(type: RecordType, documentId: string) {
    const [record] = (await reader().read(type, publicUrl(strapi), { documentIds: [documentId] })).records;
    if (!record) return;
    try {
      reader().check(record);
    } catch (error) {
      if (!(error instanceof ContractViolation)) throw error;
      throw new errors.ValidationError(`不能发布：${error.message}`, {
        errors: error.cause.issues.map((issue) => ({
          path: issue.path.map(String),
          message: issue.message,
          name: 'ValidationError',
        })),
      });
    }
    await journal().record(type, documentId, 'upsert');
    await getService(strapi, 'outbox').enqueue('publish', record);
  }

  async function opinionsOfClause(documentId: string | undefined): Promise<string[]> {
    if (!documentId) return [];
    const clauses = (await strapi.db.query(UID.clause).findMany({
      where: { documentId },
      populate: { opinion: { select: ['documentId'] } },
    })) as Array<{ opinion?: { documentId: string } | null }>;
    return clauses.map((clause) => clause.opinion?.documentId).filter((id): id is string => Boolean(id));
  }

  return async (context, next) => {
    const params = context.params as Params;

    // A clause is public as part of its opinion: the opinion(s) it leaves or joins change.
    if (context.uid === UID.clause) {
      if (!['create', 'update', 'delete'].includes(context.action)) return next();
      return strapi.db.transaction(async () => {
        const before = await opinionsOfClause(params.documentId);
        const result = await next();
        const after = await opinionsOfClause(params.documentId ?? documentIdOf(result));
        for (const opinionId of new Set([...before, ...after])) await publishUpsert('opinion', opinionId);
        return result;
      });
    }

    const type = recordTypeOf(context.uid);
    if (!type) return next();
    const draftAndPublish = Boolean(strapi.contentType(UID[type]).options?.draftAndPublish);
    const effect = effectOf(context.action, params, draftAndPublish);
    if (!effect) return next();

    return strapi.db.transaction(async () => {
      if (type === 'story' && effect === 'upsert') await dateOnFirstPublish(strapi, context.action, params);
      const result = await next();
      const documentId = params.documentId ?? documentIdOf(result);
      if (!documentId) return result;
      if (effect === 'upsert') await publishUpsert(type, documentId);
      else await journal().record(type, documentId, 'withdraw');
      if (effect === 'withdraw') await getService(strapi, 'outbox').enqueue(context.action === 'delete' ? 'delete' : 'unpublish', { type, documentId });
      return result;
    });
  };
};

function documentIdOf(result: unknown): string | undefined {
  return result && typeof result === 'object' && 'documentId' in result ? String(result.documentId) : undefined;
}

/** A story's news date defaults to the moment it is first published, then stays. */
async function dateOnFirstPublish(strapi: Core.Strapi, action: string, params: Params) {
  const now = new Date();
  if (action === 'create') {
    if (params.data && !params.data.date) params.data.date = now;
    return;
  }
  await strapi.db
    .query(UID.story)
    .updateMany({ where: { documentId: params.documentId, publishedAt: null, date: null }, data: { date: now } });
}
