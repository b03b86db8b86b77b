import type { Core } from '@strapi/strapi';
import { PARTICIPATION_PATH } from '@campaign-desk/shared';
import { PLUGIN_ID } from '../../../common/names';
import { PARTNER_TOKEN_STRATEGY } from '../auth/partner-token';
import { pluginConfig } from '../config/read';

/** Partner routes take partner tokens only: they act for the token's outlet. */
const partnerOnly = { policies: [] as string[], auth: { strategies: [PARTNER_TOKEN_STRATEGY] } };

/**
 * Open to the public, no token: the participation gate (participation/gate.ts) guards them
 * before they are reached, and their policy refuses any request the gate did not pass.
 */
const open = { policies: [`plugin::${PLUGIN_ID}.passed-gate`], auth: false as const };

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  type: 'content-api',
  routes: [
    {
      method: 'GET',
      path: '/snapshot',
      handler: 'snapshot.find',
      // An API token (read-only is enough) or a partner token, unless the snapshot is open.
      config: { policies: [] as string[], ...(pluginConfig(strapi).snapshot.requireToken ? {} : { auth: false as const }) },
    },
    { method: 'POST', path: '/partner/placements', handler: 'partner.report', config: partnerOnly },
    { method: 'GET', path: '/partner/placements', handler: 'partner.placements', config: partnerOnly },
    {
      method: 'GET',
      path: '/undelivered',
      handler: 'undelivered.find',
      config: { policies: [] as string[], auth: undefined as false | undefined },
    },
    { method: 'GET', path: `${PARTICIPATION_PATH}/challenge`, handler: 'participation.challenge', config: open },
    { method: 'POST', path: `${PARTICIPATION_PATH}/:form`, handler: 'participation.submit', config: open },
  ],
});
