import { LIKE_ENDPOINT, LIKES_ENDPOINT, PARTICIPATION_PATH } from '@campaign-desk/shared';
import { STATISTICS_READ_ACTION } from '../../../common/names';
import { allowed } from '../route-policies';

/** Through the participation gate, like every public route (participation/routes.ts). */
const open = { policies: ['plugin::campaign-desk.passed-gate'], auth: false as const };

export const adminRoutes = [
  { method: 'GET', path: '/likes/most-liked', handler: 'likes-statistics.find', config: allowed(STATISTICS_READ_ACTION.id) },
];

export const contentApiRoutes = [
  { method: 'GET', path: `${PARTICIPATION_PATH}/${LIKES_ENDPOINT}`, handler: 'likes.counts', config: open },
  { method: 'POST', path: `${PARTICIPATION_PATH}/${LIKE_ENDPOINT}/:kind/:documentId`, handler: 'likes.like', config: open },
];
