import { z } from 'zod';
import type { Core } from '@strapi/strapi';
import { partnerPlacementsSchema, partnerReportSchema } from '../../../../common/partner-api';
import type { Partner } from '../services/partner-tokens';
import { getService, invalidRequest } from '../../utils';
import { zhErrorMap } from '../../zh-errors';
import partners from '../services/partners';

interface PartnerContext {
  query: unknown;
  request: { body?: unknown };
  state: { auth: { credentials: Partner } };
  status: number;
  body: unknown;
}

const listQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }).strict();

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /api/campaign-desk/partner/placements — the partner carried a story. */
  async report(ctx: PartnerContext) {
    const body = partnerReportSchema.safeParse(ctx.request.body ?? {}, { errorMap: zhErrorMap });
    if (!body.success) throw invalidRequest(body.error, 'body');
    ctx.body = { placement: await getService(strapi, partners).report(ctx.state.auth.credentials, body.data) };
    ctx.status = 201;
  },

  /** GET /api/campaign-desk/partner/placements?limit= — the outlet's placements and where each stands. */
  async placements(ctx: PartnerContext) {
    const query = listQuerySchema.safeParse(ctx.query, { errorMap: zhErrorMap });
    if (!query.success) throw invalidRequest(query.error, 'query');
    const partner = ctx.state.auth.credentials;
    ctx.body = partnerPlacementsSchema.parse({
      outlet: { documentId: partner.outletId, name: partner.outletName },
      placements: await getService(strapi, partners).placements(partner, query.data.limit),
    });
  },
});
