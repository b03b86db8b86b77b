import { authenticated } from '../route-policies';

export const adminRoutes = [
  { method: 'GET', path: '/stories/:documentId/review', handler: 'review.status', config: authenticated },
  { method: 'POST', path: '/stories/:documentId/review', handler: 'review.move', config: authenticated },
  // 待我审核: what waits for the asking user.
  { method: 'GET', path: '/review-queue', handler: 'review-queue.find', config: authenticated },
];
