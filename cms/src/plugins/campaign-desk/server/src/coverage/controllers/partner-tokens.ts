import type { Core } from '@strapi/strapi';
import { issuePartnerTokenSchema, issuedPartnerTokenSchema, partnerTokenViewSchema } from '../../../../common/partner-api';
import { nameOf } from '../../newsroom/services/people';
import type { AdminUser } from '../../request-context';
import { getService, invalidRequest } from '../../utils';
import { zhErrorMap } from '../../zh-errors';
import partnerTokens from '../services/partner-tokens';

interface TokensContext {
  params: { documentId?: string };
  request: { body?: unknown };
  state: { user: AdminUser };
  status: number;
  body: unknown;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /campaign-desk/partner-tokens */
  async find(ctx: TokensContext) {
    ctx.body = partnerTokenViewSchema.array().parse(await getService(strapi, partnerTokens).list());
  },

  /** POST /campaign-desk/partner-tokens — { outletId, label }; the answer is the only time the token is shown. */
  async issue(ctx: TokensContext) {
    const body = issuePartnerTokenSchema.safeParse(ctx.request.body ?? {}, { errorMap: zhErrorMap });
    if (!body.success) throw invalidRequest(body.error, 'body');
    const issued = await getService(strapi, partnerTokens).issue(body.data.outletId, body.data.label, nameOf(ctx.state.user));
    ctx.body = issuedPartnerTokenSchema.parse(issued);
    ctx.status = 201;
  },

  /** POST /campaign-desk/partner-tokens/:documentId/revoke */
  async revoke(ctx: TokensContext) {
    ctx.body = partnerTokenViewSchema.parse(await getService(strapi, partnerTokens).revoke(ctx.params.documentId!));
  },
});
