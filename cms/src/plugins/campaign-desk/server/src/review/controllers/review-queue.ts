/** GET /campaign-desk/review-queue — 待我审核: what waits for a move the asking user may make. */
import type { Core } from '@strapi/strapi';
import { reviewQueueSchema } from '../../../../common/review-api';
import type { AdminUser } from '../../request-context';
import { getService } from '../../utils';
import review from '../services/review';

interface QueueContext {
  state: { user: AdminUser; userAbility: unknown };
  body: unknown;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: QueueContext) {
    const stories = await getService(strapi, review).waitingFor({ user: ctx.state.user, ability: ctx.state.userAbility });
    ctx.body = reviewQueueSchema.parse({ stories });
  },
});
