/**
 * The review rules, for every door into the Document Service (admin UI, admin API, code):
 * a story is published only once approved (终审); editing an approved story's content
 * sends it back for review while the published version stays as it was; a published
 * story is deleted only by someone who may publish; the review log is append-only.
 */
import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../../common/names';
import { stageName } from '../../../common/review-stages';
import type { Reviewer } from '../services/review';
import { getService } from '../utils';

type Params = { documentId?: string; status?: string; data?: Record<string, unknown> };

const READS = new Set(['findOne', 'findMany', 'findFirst', 'count']);
/** Not content: Strapi's bookkeeping and the stage itself. */
const NOT_CONTENT = new Set(['id', 'documentId', 'locale', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'reviewStage', 'localizations']);

function actingUser(strapi: Core.Strapi): Reviewer | null {
  const user = strapi.requestContext.get()?.state?.user as Reviewer | undefined;
  return user?.id ? user : null;
}

export default (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware => {
  const workflow = () => getService(strapi, 'review');
  const stories = () => strapi.db.query(UID.story);

  /** Whether `data` would change what the approved draft says. */
  async function changesContent(documentId: string, data: Record<string, unknown>): Promise<boolean> {
    const attributes = strapi.contentType(UID.story).attributes as Record<string, { type: string }>;
    const draft = (await stories().findOne({ where: { documentId, publishedAt: null }, populate: { cover: { select: ['id'] } } })) as Record<
      string,
      unknown
    > | null;
    if (!draft) return false;
    return Object.entries(data).some(([field, value]) => {
      const attribute = attributes[field];
      if (!attribute || NOT_CONTENT.has(field)) return false;
      if (attribute.type === 'relation') {
        // The admin sends relation edits as { connect, disconnect }; anything else sets them anew.
        if (value && typeof value === 'object' && !Array.isArray(value) && ('connect' in value || 'disconnect' in value)) {
          const { connect = [], disconnect = [], set } = value as { connect?: unknown[]; disconnect?: unknown[]; set?: unknown };
          return connect.length > 0 || disconnect.length > 0 || set !== undefined;
        }
        return true;
      }
      if (attribute.type === 'media') return mediaId(value) !== mediaId(draft[field]);
      return !sameValue(attribute.type, value, draft[field]);
    });
  }

  return async (context, next) => {
    if (context.uid === UID.reviewEntry) {
      if (READS.has(context.action)) return next();
      throw new errors.ForbiddenError('审稿记录只能由审稿操作追加，不能修改或删除');
    }
    if (context.uid !== UID.story) return next();

    const params = context.params as Params;
    const { action } = context;
    const user = actingUser(strapi);

    if (params.data && (action === 'create' || action === 'update')) {
      // Stages move only through review actions.
      if (action === 'create') params.data.reviewStage = 'draft';
      else delete params.data.reviewStage;
    }

    const publishes = action === 'publish' || ((action === 'create' || action === 'update') && params.status === 'published');
    if (publishes) {
      const stage = params.documentId ? await workflow().stageOf(params.documentId) : 'draft';
      const edited = action === 'update' && params.data && params.documentId && (await changesContent(params.documentId, params.data));
      if (stage !== 'approved' || edited) {
        throw new errors.ValidationError(
          edited
            ? '稿件内容有修改，须重新通过审核后才能发布'
            : `稿件尚未通过终审（当前：${stageName(stage)}），不能发布`,
        );
      }
    }

    if (action === 'update' && params.documentId && params.data) {
      const documentId = params.documentId;
      if (await changesContent(documentId, params.data)) {
        return strapi.db.transaction(async () => {
          const result = await next();
          await workflow().reopenAfterEdit(documentId, user);
          return result;
        });
      }
    }

    if (action === 'delete' && params.documentId && user) {
      const published = await stories().count({ where: { documentId: params.documentId, publishedAt: { $notNull: true } } });
      if (published > 0 && !(await workflow().mayPublish(user))) {
        throw new errors.ForbiddenError('已发布的稿件只有有发布权限的人（主编）可以删除');
      }
    }
    return next();
  };
};

function mediaId(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'object') return Number((value as { id?: unknown }).id ?? NaN) || null;
  return Number(value) || null;
}

function sameValue(type: string, incoming: unknown, stored: unknown): boolean {
  const empty = (value: unknown) => value === null || value === undefined || value === '';
  if (empty(incoming) || empty(stored)) return empty(incoming) && empty(stored);
  switch (type) {
    case 'datetime':
      return new Date(incoming as string).getTime() === new Date(stored as string).getTime();
    case 'date':
      return String(incoming).slice(0, 10) === (stored instanceof Date ? stored.toISOString() : String(stored)).slice(0, 10);
    case 'blocks':
    case 'json':
      return JSON.stringify(incoming) === JSON.stringify(typeof stored === 'string' ? JSON.parse(stored) : stored);
    case 'boolean':
      return Boolean(incoming) === Boolean(stored);
    case 'integer':
    case 'biginteger':
    case 'float':
    case 'decimal':
      return Number(incoming) === Number(stored);
    default:
      return String(incoming) === String(stored);
  }
}
