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
];
