import { OUTBOX_READ_ACTION, OUTBOX_REDELIVER_ACTION } from '../../../common/names';
import { allowed } from '../route-policies';

export const adminRoutes = [
  { method: 'GET', path: '/outbox', handler: 'outbox.find', config: allowed(OUTBOX_READ_ACTION.id) },
  { method: 'POST', path: '/outbox/deliveries/:id/redeliver', handler: 'outbox.redeliver', config: allowed(OUTBOX_REDELIVER_ACTION.id) },
];

export const contentApiRoutes = [
  {
    method: 'GET',
    path: '/undelivered',
    handler: 'undelivered.find',
    config: { policies: [] as string[], auth: undefined as false | undefined },
  },
];
