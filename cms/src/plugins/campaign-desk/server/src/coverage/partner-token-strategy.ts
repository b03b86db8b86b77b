/**
 * The partner-token strategy of the content API: a bearer token that starts as partner
 * tokens do is looked up among them (Strapi's own API tokens are left to Strapi's strategy),
 * and what it may reach is its feed (the snapshot) and its outlet's placements, nothing else.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_ID } from '../../../common/names';
import partnerTokens, { PARTNER_TOKEN_PREFIX } from './services/partner-tokens';
import { getService } from '../utils';

export const PARTNER_TOKEN_STRATEGY = 'campaign-desk-partner-token';

/** The content-API actions (route scopes) a partner token reaches. */
const PARTNER_SCOPES: ReadonlySet<string> = new Set(
  ['snapshot.find', 'partner.report', 'partner.placements'].map((handler) => `plugin::${PLUGIN_ID}.${handler}`),
);

interface AuthContext {
  request: { header: { authorization?: string } };
}

export function partnerTokenStrategy(strapi: Core.Strapi) {
  return {
    name: PARTNER_TOKEN_STRATEGY,
    async authenticate(ctx: AuthContext) {
      const token = /^Bearer\s+(\S+)$/i.exec(ctx.request.header.authorization ?? '')?.[1];
      if (!token?.startsWith(PARTNER_TOKEN_PREFIX)) return { authenticated: false };
      const partner = await getService(strapi, partnerTokens).authenticate(token);
      return partner ? { authenticated: true, credentials: partner } : { authenticated: false, error: '合作媒体令牌无效或已被收回' };
    },
    verify(_auth: unknown, config: { scope?: string[] } = {}) {
      if (!config.scope?.every((scope) => PARTNER_SCOPES.has(scope))) {
        throw new errors.ForbiddenError('合作媒体令牌只能读取稿件快照和回报本媒体的刊播');
      }
    },
  };
}
