import { OUTBOX_READ_ACTION, OUTBOX_REDELIVER_ACTION } from '../../../common/names';

const authenticated = { policies: ['admin::isAuthenticatedAdmin'] };

export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/stories/:documentId/review', handler: 'review.status', config: authenticated },
    { method: 'POST', path: '/stories/:documentId/review', handler: 'review.move', config: authenticated },
    {
      method: 'GET',
      path: '/outbox',
      handler: 'outbox.find',
      config: { policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [OUTBOX_READ_ACTION.id] } }] },
    },
    {
      method: 'POST',
      path: '/outbox/deliveries/:id/redeliver',
      handler: 'outbox.redeliver',
      config: { policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [OUTBOX_REDELIVER_ACTION.id] } }] },
    },
  ],
};
