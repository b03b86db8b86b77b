import { PARTICIPATION_PATH } from '@campaign-desk/shared';
import { MODERATE_ACTION, PLUGIN_ID } from '../../../common/names';
import { allowed } from '../route-policies';

/**
 * Open to the public, no token: the participation gate (participation/gate.ts) guards them
 * before they are reached, and their policy refuses any request the gate did not pass.
 */
const open = { policies: [`plugin::${PLUGIN_ID}.passed-gate`], auth: false as const };

export const adminRoutes = [
  { method: 'GET', path: '/submissions', handler: 'moderation.find', config: allowed(MODERATE_ACTION.id) },
  { method: 'GET', path: '/submissions/:documentId/photo', handler: 'moderation.photo', config: allowed(MODERATE_ACTION.id) },
  { method: 'POST', path: '/submissions/:documentId/moderate', handler: 'moderation.moderate', config: allowed(MODERATE_ACTION.id) },
];

export const contentApiRoutes = [
  { method: 'GET', path: `${PARTICIPATION_PATH}/challenge`, handler: 'participation.challenge', config: open },
  { method: 'POST', path: `${PARTICIPATION_PATH}/:form`, handler: 'participation.submit', config: open },
];
