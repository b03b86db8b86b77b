import type { Core } from '@strapi/strapi';
import { undeliveredReportSchema } from '@campaign-desk/shared';
import { getService } from '../../utils';
import outbox from '../services/outbox';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/campaign-desk/undelivered — how many publish events were given up on, or are overdue (the publisher's /status asks). */
  async find(ctx: { body: unknown }) {
    ctx.body = undeliveredReportSchema.parse(await getService(strapi, outbox).undelivered());
  },
});
