import type { Core } from '@strapi/strapi';
import { outboxQuerySchema, outboxReportSchema } from '../../../common/outbox-api';
import { getService, invalidRequest } from '../utils';

interface OutboxContext {
  query: unknown;
  body: unknown;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /campaign-desk/outbox?limit=…&status=… — recent publish events, their delivery state, and counts. */
  async find(ctx: OutboxContext) {
    const query = outboxQuerySchema.safeParse(ctx.query);
    if (!query.success) {
      throw invalidRequest(query.error, 'query');
    }
    ctx.body = outboxReportSchema.parse(await getService(strapi, 'outbox').report(query.data));
  },
});
