import { LECTURE_ENDPOINT, PARTICIPATION_PATH } from '@campaign-desk/shared';
import { EXPLORER_ACTIONS, LECTURES_ACTION, UID } from '../../../common/names';
import { allowed } from '../route-policies';

/** Bookings come through the participation gate, like every public post (participation/routes.ts). */
const open = { policies: ['plugin::campaign-desk.passed-gate'], auth: false as const };

export const adminRoutes = [
  { method: 'GET', path: '/lecture-bookings', handler: 'lecture-desk.find', config: allowed(LECTURES_ACTION.id) },
  // Accepting publishes the lecture's event: only for whoever may also publish events.
  {
    method: 'POST',
    path: '/lecture-bookings/:documentId/accept',
    handler: 'lecture-desk.accept',
    config: allowed(LECTURES_ACTION.id, [EXPLORER_ACTIONS.create, UID.event], [EXPLORER_ACTIONS.publish, UID.event]),
  },
  { method: 'POST', path: '/lecture-bookings/:documentId/decline', handler: 'lecture-desk.decline', config: allowed(LECTURES_ACTION.id) },
];

export const contentApiRoutes = [
  { method: 'POST', path: `${PARTICIPATION_PATH}/${LECTURE_ENDPOINT}/:slug`, handler: 'lecture-bookings.book', config: open },
];
