/** 定时发布 is arranged through its own service (time, role and stage checked there); through the Document Service its rows are read-only. */
import { errors } from '@strapi/utils';
import { UID } from '../../../../common/names';
import { rule, type Rule, WRITES } from '../../document-service/actions';

export default (): Rule =>
  rule('schedulesByServiceOnly', WRITES, async (context, next) => {
    if (context.uid !== UID.schedule) return next();
    throw new errors.ForbiddenError('定时发布只能在稿件的审稿面板中安排或取消（/campaign-desk/stories/:documentId/schedule）');
  });
