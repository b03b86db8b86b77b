import type { Core } from '@strapi/strapi';
import { reviewMoveSchema, reviewStatusSchema } from '../../../../common/review-api';
import { StageConflict } from '../../errors';
import type { AdminUser } from '../../request-context';
import review, { type Viewer } from '../services/review';
import { getService, invalidRequest } from '../../utils';
import notices from '../../notices/services/notices';
import { nameOf } from '../../newsroom/services/people';

interface ReviewContext {
  params: { documentId: string };
  request: { body?: unknown };
  state: { user: AdminUser; userAbility: unknown };
  body: unknown;
  conflict(message: string, details?: unknown): void;
}

const viewerOf = (ctx: ReviewContext): Viewer => ({ user: ctx.state.user, ability: ctx.state.userAbility });

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /campaign-desk/stories/:documentId/review — stage, log and the moves this user may make. */
  async status(ctx: ReviewContext) {
    ctx.body = reviewStatusSchema.parse(await getService(strapi, review).status(ctx.params.documentId, viewerOf(ctx)));
  },

  /** POST /campaign-desk/stories/:documentId/review — { action, stage, comment? } */
  async move(ctx: ReviewContext) {
    const body = reviewMoveSchema.safeParse(ctx.request.body ?? {});
    if (!body.success) {
      throw invalidRequest(body.error, 'body');
    }
    try {
      const status = reviewStatusSchema.parse(await getService(strapi, review).move(ctx.params.documentId, body.data, viewerOf(ctx)));
      // The move committed: those it now waits for, or the author it went back to, are told.
      await getService(strapi, notices).moved(ctx.params.documentId, status.stage, nameOf(ctx.state.user), body.data.comment);
      ctx.body = status;
    } catch (error) {
      if (!(error instanceof StageConflict)) throw error;
      ctx.conflict(error.message, { stage: error.stage });
    }
  },
});
