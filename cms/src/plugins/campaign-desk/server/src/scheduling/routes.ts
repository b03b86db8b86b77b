import { authenticated } from '../route-policies';

/** A story's 定时发布; the service checks who may publish it. */
export const adminRoutes = [
  { method: 'GET', path: '/stories/:documentId/schedule', handler: 'schedule.find', config: authenticated },
  { method: 'PUT', path: '/stories/:documentId/schedule', handler: 'schedule.schedule', config: authenticated },
  { method: 'DELETE', path: '/stories/:documentId/schedule', handler: 'schedule.unschedule', config: authenticated },
];
