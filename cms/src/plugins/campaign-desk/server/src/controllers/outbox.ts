import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { outboxQuerySchema, outboxReportSchema } from '../outbox';
import { getService } from '../utils';

interface OutboxContext {
  query: unknown;
  body: unknown;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /campaign-desk/outbox?limit=…&status=… — recent publish events, their delivery state, and counts. */
  async find(ctx: OutboxContext) {
    const query = outboxQuerySchema.safeParse(ctx.query);
    if (!query.success) {
      throw new errors.ValidationError(query.error.issues.map((issue) => `${issue.path.join('.') || 'query'}: ${issue.message}`).join('; '));
    }
    ctx.body = outboxReportSchema.parse(await getService(strapi, 'outbox').report(query.data));
  },
});
