import { authenticated } from '../route-policies';

/** Each person's own notices and their choice of which they receive. */
export const adminRoutes = [
  { method: 'GET', path: '/notices', handler: 'notices.find', config: authenticated },
  { method: 'POST', path: '/notices/read', handler: 'notices.markRead', config: authenticated },
  { method: 'GET', path: '/notices/settings', handler: 'notices.settings', config: authenticated },
  { method: 'PUT', path: '/notices/settings', handler: 'notices.saveSettings', config: authenticated },
];
