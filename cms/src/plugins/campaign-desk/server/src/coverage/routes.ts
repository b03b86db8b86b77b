import { EXPLORER_ACTIONS, PARTNER_TOKENS_ACTION, STATISTICS_READ_ACTION, UID } from '../../../common/names';
import { allowed } from '../route-policies';
import { PARTNER_TOKEN_STRATEGY } from './partner-token-strategy';

/** Partner routes take partner tokens only: they act for the token's outlet. */
const partnerOnly = { policies: [] as string[], auth: { strategies: [PARTNER_TOKEN_STRATEGY] } };

export const adminRoutes = [
  { method: 'GET', path: '/desk', handler: 'desk.find', config: allowed([EXPLORER_ACTIONS.read, UID.topic]) },
  { method: 'GET', path: '/statistics', handler: 'statistics.find', config: allowed(STATISTICS_READ_ACTION.id) },
  { method: 'GET', path: '/statistics/export.xlsx', handler: 'statistics.xlsx', config: allowed(STATISTICS_READ_ACTION.id) },
  { method: 'GET', path: '/statistics/export.csv', handler: 'statistics.csv', config: allowed(STATISTICS_READ_ACTION.id) },
  { method: 'GET', path: '/partner-tokens', handler: 'partner-tokens.find', config: allowed(PARTNER_TOKENS_ACTION.id) },
  { method: 'POST', path: '/partner-tokens', handler: 'partner-tokens.issue', config: allowed(PARTNER_TOKENS_ACTION.id) },
  {
    method: 'POST',
    path: '/partner-tokens/:documentId/revoke',
    handler: 'partner-tokens.revoke',
    config: allowed(PARTNER_TOKENS_ACTION.id),
  },
];

export const contentApiRoutes = [
  { method: 'POST', path: '/partner/placements', handler: 'partner.report', config: partnerOnly },
  { method: 'GET', path: '/partner/placements', handler: 'partner.placements', config: partnerOnly },
];
