import type { Core } from '@strapi/strapi';
import { getService } from './utils';
import deliveryWorker from './outbox/services/delivery-worker';
import retention from './participation/services/retention';
import counters from './counters/services/counters';
import scheduler from './scheduling/services/scheduler';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  // Before the database closes: deliveries in flight are recorded, the rest stay pending.
  await getService(strapi, deliveryWorker).stop();
  await getService(strapi, retention).stop();
  await getService(strapi, counters).stop();
  // A publish in flight commits or rolls back before the database closes.
  await getService(strapi, scheduler).stop();
};
