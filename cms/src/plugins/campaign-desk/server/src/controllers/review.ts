import { z } from 'zod';
import type { Core } from '@strapi/strapi';
import type { Reviewer } from '../services/workflow';
import { getService, invalidRequest } from '../utils';
import { REVIEW_MOVES, type ReviewAction } from '../workflow';

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
    ctx.body = await getService(strapi, 'workflow').status(ctx.params.documentId, ctx.state.user);
  },

  /** POST /campaign-desk/stories/:documentId/review — { action, comment? } */
  async move(ctx: ReviewContext) {
    const body = moveSchema.safeParse(ctx.request.body ?? {});
    if (!body.success) {
      throw invalidRequest(body.error, 'body');
    }
    ctx.body = await getService(strapi, 'workflow').move(ctx.params.documentId, body.data.action, ctx.state.user, body.data.comment);
  },
});
