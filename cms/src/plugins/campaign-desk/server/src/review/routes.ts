import { authenticated } from '../route-policies';

export const adminRoutes = [
  { method: 'GET', path: '/stories/:documentId/review', handler: 'review.status', config: authenticated },
  { method: 'POST', path: '/stories/:documentId/review', handler: 'review.move', config: authenticated },
];
