import {
  EXPLORER_ACTIONS,
  MODERATE_ACTION,
  OUTBOX_READ_ACTION,
  OUTBOX_REDELIVER_ACTION,
  PARTNER_TOKENS_ACTION,
  STATISTICS_READ_ACTION,
  UID,
} from '../../../common/names';

const authenticated = { policies: ['admin::isAuthenticatedAdmin'] };
/** An authenticated admin whose roles grant `actions` (an action, or an action on a subject). */
const allowed = (...actions: Array<string | [string, string]>) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions } }],
});

export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/stories/:documentId/review', handler: 'review.status', config: authenticated },
    { method: 'POST', path: '/stories/:documentId/review', handler: 'review.move', config: authenticated },
    { method: 'GET', path: '/review-queue', handler: 'review-queue.find', config: authenticated },
    { method: 'GET', path: '/notices', handler: 'notices.find', config: authenticated },
    { method: 'POST', path: '/notices/read', handler: 'notices.markRead', config: authenticated },
    { method: 'GET', path: '/notices/settings', handler: 'notices.settings', config: authenticated },
    { method: 'PUT', path: '/notices/settings', handler: 'notices.saveSettings', config: authenticated },
    { method: 'GET', path: '/outbox', handler: 'outbox.find', config: allowed(OUTBOX_READ_ACTION.id) },
    { method: 'POST', path: '/outbox/deliveries/:id/redeliver', handler: 'outbox.redeliver', config: allowed(OUTBOX_REDELIVER_ACTION.id) },
    { method: 'GET', path: '/submissions', handler: 'moderation.find', config: allowed(MODERATE_ACTION.id) },
    { method: 'POST', path: '/submissions/:documentId/moderate', handler: 'moderation.moderate', config: allowed(MODERATE_ACTION.id) },
    { method: 'GET', path: '/desk', handler: 'desk.find', config: allowed([EXPLORER_ACTIONS.read, UID.topic]) },
    { method: 'GET', path: '/statistics', handler: 'statistics.find', config: allowed(STATISTICS_READ_ACTION.id) },
    { method: 'GET', path: '/statistics/export.xlsx', handler: 'statistics.xlsx', config: allowed(STATISTICS_READ_ACTION.id) },
    { method: 'GET', path: '/statistics/export.csv', handler: 'statistics.csv', config: allowed(STATISTICS_READ_ACTION.id) },
    { method: 'GET', path: '/partner-tokens', handler: 'partner-tokens.find', config: allowed(PARTNER_TOKENS_ACTION.id) },
    { method: 'POST', path: '/partner-tokens', handler: 'partner-tokens.issue', config: allowed(PARTNER_TOKENS_ACTION.id) },
    { method: 'POST', path: '/partner-tokens/:documentId/revoke', handler: 'partner-tokens.revoke', config: allowed(PARTNER_TOKENS_ACTION.id) },
  ],
};
