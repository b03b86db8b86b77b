import { MODERATE_ACTION, OUTBOX_READ_ACTION } from '../../../common/names';

const authenticated = { policies: ['admin::isAuthenticatedAdmin'] };
const allowed = (action: string) => ({ policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }] });

export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/stories/:documentId/review', handler: 'review.status', config: authenticated },
    { method: 'POST', path: '/stories/:documentId/review', handler: 'review.move', config: authenticated },
    {
      method: 'GET',
      path: '/outbox',
      handler: 'outbox.find',
      config: allowed(OUTBOX_READ_ACTION.id),
    },
    { method: 'GET', path: '/submissions', handler: 'moderation.find', config: allowed(MODERATE_ACTION.id) },
    { method: 'POST', path: '/submissions/:documentId/moderate', handler: 'moderation.moderate', config: allowed(MODERATE_ACTION.id) },
  ],
};
