import { adminRoutes as coverage } from '../coverage/routes';
import { adminRoutes as outbox } from '../outbox/routes';
import { adminRoutes as participation } from '../participation/routes';
import { adminRoutes as review } from '../review/routes';

export default {
  type: 'admin',
  routes: [...review, ...outbox, ...participation, ...coverage],
};
