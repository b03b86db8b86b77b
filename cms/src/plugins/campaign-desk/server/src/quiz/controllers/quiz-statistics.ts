import type { Core } from '@strapi/strapi';
import { clauseTopicSchema } from '../../../../common/quiz-api';
import { getService, invalidRequest } from '../../utils';
import { zhErrorMap } from '../../zh-errors';
import quizStatistics from '../services/quiz-statistics';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /campaign-desk/quiz-statistics */
  async find(ctx: { body: unknown }) {
    ctx.body = await getService(strapi, quizStatistics).compute();
  },

  /** POST /campaign-desk/quiz-statistics/topics { clause, plan } — a 选题 for a 解读 of the clause. */
  async topic(ctx: { request: { body?: unknown }; body: unknown; status: number }) {
    const asked = clauseTopicSchema.safeParse(ctx.request.body, { errorMap: zhErrorMap });
    if (!asked.success) throw invalidRequest(asked.error, 'body');
    ctx.status = 201;
    ctx.body = await getService(strapi, quizStatistics).topicFor(asked.data);
  },
});
