import { LIVE_QUESTION_ENDPOINT, PARTICIPATION_PATH } from '@campaign-desk/shared';
import { EXPLORER_ACTIONS, LIVE_APPROVE_ACTION, UID } from '../../../common/names';
import { allowed } from '../route-policies';

const reads = allowed([EXPLORER_ACTIONS.read, UID.liveEntry]);

/** The 图文直播 page: who may read entries sees the lives; writing, approving, moving on and the 综述 each need their own right. */
export const adminRoutes = [
  { method: 'GET', path: '/lives', handler: 'live.find', config: reads },
  { method: 'GET', path: '/lives/:documentId', handler: 'live.desk', config: reads },
  { method: 'POST', path: '/lives/:documentId/entries', handler: 'live.write', config: allowed([EXPLORER_ACTIONS.create, UID.liveEntry]) },
  { method: 'PUT', path: '/lives/:documentId/state', handler: 'live.setState', config: allowed([EXPLORER_ACTIONS.publish, UID.live]) },
  { method: 'POST', path: '/lives/:documentId/roundup', handler: 'live.roundup', config: allowed([EXPLORER_ACTIONS.create, UID.story]) },
  { method: 'POST', path: '/live-entries/:documentId/approve', handler: 'live.approve', config: allowed(LIVE_APPROVE_ACTION.id) },
  // 网友提问 are the 值班编辑's: to decline, and to answer (which writes an entry).
  { method: 'POST', path: '/live-questions/:documentId/decline', handler: 'live.decline', config: allowed(LIVE_APPROVE_ACTION.id) },
  {
    method: 'POST',
    path: '/live-questions/:documentId/answer',
    handler: 'live.answer',
    config: allowed(LIVE_APPROVE_ACTION.id, [EXPLORER_ACTIONS.create, UID.liveEntry]),
  },
];

/** Readers' questions come through the participation gate, like every public post (participation/routes.ts). */
export const contentApiRoutes = [
  {
    method: 'POST',
    path: `${PARTICIPATION_PATH}/${LIVE_QUESTION_ENDPOINT}/:slug`,
    handler: 'live-questions.ask',
    config: { policies: ['plugin::campaign-desk.passed-gate'], auth: false as const },
  },
];
