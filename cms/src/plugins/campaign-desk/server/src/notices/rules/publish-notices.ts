/**
 * A story's author is told once its publish committed, or that it failed and why. Outermost of
 * the rules, so it sees the outcome of every rule; and told once the transaction around it
 * (the content manager opens one) has ended, so nothing a rollback takes back is announced.
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../../../../common/names';
import { documentIdOf, paramsOf, publishes, rule, type Rule } from '../../document-service/actions';
import { getService } from '../../utils';
import notices from '../services/notices';

/** Why a publish that went through its rules was still not kept. */
const ROLLED_BACK = '发布操作未能完成，已整体撤回';

/** Runs `tell` now, or once the transaction the caller is in ends: on commit or on rollback. */
function afterTransaction(strapi: Core.Strapi, tell: (committed: boolean) => Promise<void>): Promise<void> {
  if (!strapi.db.inTransaction()) return tell(true);
  return strapi.db.transaction(({ onCommit, onRollback }) => {
    onCommit(() => void tell(true));
    onRollback(() => void tell(false));
  });
}

export default (strapi: Core.Strapi): Rule =>
  rule('publishNotices', ['create', 'update', 'publish'], async (context, next) => {
    const params = paramsOf(context);
    if (context.uid !== UID.story || !publishes(context.action, params)) return next();
    const tell = async (documentId: string | undefined, failure?: string) => {
      if (!documentId) return;
      try {
        await getService(strapi, notices).published(documentId, failure);
      } catch (error) {
        strapi.log.warn(`稿件 ${documentId} 的发布通知未能写入：${(error as Error).message}`);
      }
    };
    try {
      const result = await next();
      const documentId = documentIdOf(params, result);
      await afterTransaction(strapi, (committed) => tell(documentId, committed ? undefined : ROLLED_BACK));
      return result;
    } catch (error) {
      await afterTransaction(strapi, () => tell(params.documentId, (error as Error).message));
      throw error;
    }
  });
