import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { OUTBOX_REDELIVER_ACTION } from '../../../../common/names';
import { nameOf } from '@campaign-desk/shared';
import {
  DELIVERY_STATUSES,
  deliveryStateSchema,
  outboxQuerySchema,
  outboxReportSchema,
  redeliveryParamsSchema,
} from '../../../../common/outbox-api';
import { getService, invalidRequest } from '../../utils';
import outbox from '../services/outbox';

interface OutboxContext {
  query: unknown;
  params: unknown;
  state: { userAbility: { can(action: string): boolean } };
  status: number;
  body: unknown;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /campaign-desk/outbox?limit=…&status=… — recent publish events, their delivery state, and counts. */
  async find(ctx: OutboxContext) {
    const query = outboxQuerySchema.safeParse(ctx.query);
    if (!query.success) {
      throw invalidRequest(query.error, 'query');
    }
    const report = await getService(strapi, outbox).report(query.data);
    ctx.body = outboxReportSchema.parse({ ...report, mayRedeliver: ctx.state.userAbility.can(OUTBOX_REDELIVER_ACTION.id) });
  },

  /** POST /campaign-desk/outbox/deliveries/:id/redeliver — sends a delivery that was given up on again. */
  async redeliver(ctx: OutboxContext) {
    const params = redeliveryParamsSchema.safeParse(ctx.params);
    if (!params.success) {
      throw invalidRequest(params.error, 'params');
    }
    const outcome = await getService(strapi, outbox).redeliver(params.data.id);
    if ('reason' in outcome) {
      if (outcome.reason === 'not-found') throw new errors.NotFoundError(`没有找到推送记录 ${params.data.id}`);
      // Someone else redelivered it first, or it was never given up on: a conflict, in Strapi's error shape.
      const message = `推送记录 ${params.data.id} 的状态是“${nameOf(DELIVERY_STATUSES, outcome.status)}”，只有失败的推送可以重新投递`;
      ctx.status = 409;
      ctx.body = { data: null, error: { status: 409, name: 'ConflictError', message, details: { status: outcome.status } } };
      return;
    }
    ctx.body = deliveryStateSchema.parse(outcome);
  },
});
