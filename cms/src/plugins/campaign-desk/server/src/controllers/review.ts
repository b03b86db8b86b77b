import type { Core } from '@strapi/strapi';
import { reviewMoveSchema, reviewStatusSchema } from '../../../common/review-api';
import type { Reviewer } from '../services/review';
import { getService, invalidRequest } from '../utils';

interface ReviewContext {
  params: { documentId: string };
  request: { body?: unknown };
  state: { user: Reviewer };
  body: unknown;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /campaign-desk/stories/:documentId/review — stage, log and the moves this user may make. */
  async status(ctx: ReviewContext) {
    ctx.body = reviewStatusSchema.parse(await getService(strapi, 'review').status(ctx.params.documentId, ctx.state.user));
  },

  /** POST /campaign-desk/stories/:documentId/review — { action, comment? } */
  async move(ctx: ReviewContext) {
    const body = reviewMoveSchema.safeParse(ctx.request.body ?? {});
    if (!body.success) {
      throw invalidRequest(body.error, 'body');
    }
    const status = await getService(strapi, 'review').move(ctx.params.documentId, body.data.action, ctx.state.user, body.data.comment);
    ctx.body = reviewStatusSchema.parse(status);
  },
});
