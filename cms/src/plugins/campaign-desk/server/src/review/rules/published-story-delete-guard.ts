/** A published story is deleted only by someone who may publish (主编): a reporter may delete their draft, not what readers see. */
import type { Core } from '@strapi/strapi';
import { UID } from '../../../../common/names';
import { refusal } from '../../errors';
import { getService } from '../../utils';
import { paramsOf, rule, type Rule } from '../../document-service/actions';
import { actingUser } from '../../request-context';
import review from '../services/review';

export default (strapi: Core.Strapi): Rule =>
  rule('publishedStoryDeleteGuard', ['delete'], async (context, next) => {
    const { documentId } = paramsOf(context);
    // Code acting on its own (no admin user) is trusted, as everywhere in the Document Service.
    const user = actingUser(strapi);
    if (context.uid !== UID.story || context.action !== 'delete' || !documentId || !user) return next();
    const published = await strapi.db.query(UID.story).count({ where: { documentId, publishedAt: { $notNull: true } } });
    if (published > 0 && !(await getService(strapi, review).mayPublish(user, documentId))) {
      throw refusal('已发布的稿件只有有发布权限的人（主编）可以删除');
    }
    return next();
  });
