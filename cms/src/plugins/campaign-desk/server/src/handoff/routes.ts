import { authenticated } from '../route-policies';

/** A published story's 公众号 hand-off; the service checks who may read the story. */
export const adminRoutes = [
  { method: 'GET', path: '/stories/:documentId/handoff', handler: 'handoff.find', config: authenticated },
  { method: 'POST', path: '/stories/:documentId/handoff', handler: 'handoff.record', config: authenticated },
];
