import { z } from 'zod';
import type { Core } from '@strapi/strapi';
import type { ReviewAction } from '../../../common/names';
import { REVIEW_MOVES } from '../../../common/review-stages';
import type { Reviewer } from '../services/review';
import { getService, invalidRequest } from '../utils';

const moveSchema = z
  .object({
    action: z.enum(Object.keys(REVIEW_MOVES) as [ReviewAction, ...ReviewAction[]]),
    comment: z.string().max(2000).optional(),
  })
  .strict();

interface ReviewContext {
  params: { documentId: string };
  request: { body?: unknown };
  state: { user: Reviewer };
  body: unknown;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /campaign-desk/stories/:documentId/review — stage, log and the moves this user may make. */
  async status(ctx: ReviewContext) {
    ctx.body = await getService(strapi, 'review').status(ctx.params.documentId, ctx.state.user);
  },

  /** POST /campaign-desk/stories/:documentId/review — { action, comment? } */
  async move(ctx: ReviewContext) {
    const body = moveSchema.safeParse(ctx.request.body ?? {});
    if (!body.success) {
      throw invalidRequest(body.error, 'body');
    }
    ctx.body = await getService(strapi, 'review').move(ctx.params.documentId, body.data.action, ctx.state.user, body.data.comment);
  },
});
