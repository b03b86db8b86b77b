const authenticated = { policies: ['admin::isAuthenticatedAdmin'] };

export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/stories/:documentId/review', handler: 'review.status', config: authenticated },
    { method: 'POST', path: '/stories/:documentId/review', handler: 'review.move', config: authenticated },
  ],
};
