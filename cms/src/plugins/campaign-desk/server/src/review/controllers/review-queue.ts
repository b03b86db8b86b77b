/** GET /campaign-desk/review-queue — 待我审核: what waits for a move the asking user may make, and what waits for its 定时发布. */
import type { Core } from '@strapi/strapi';
import { reviewQueueSchema } from '../../../../common/review-api';
import type { AdminUser } from '../../request-context';
import { getService } from '../../utils';
import review from '../services/review';
import scheduling from '../../scheduling/services/scheduling';

interface QueueContext {
  state: { user: AdminUser; userAbility: unknown };
  body: unknown;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: QueueContext) {
    const viewer = { user: ctx.state.user, ability: ctx.state.userAbility };
    const [stories, scheduled] = await Promise.all([
      getService(strapi, review).waitingFor(viewer),
      getService(strapi, scheduling).pendingFor(viewer),
    ]);
    ctx.body = reviewQueueSchema.parse({ stories, scheduled });
  },
});
