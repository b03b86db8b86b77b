import type { Core } from '@strapi/strapi';
import { getService } from './utils';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  // Before the database closes: deliveries in flight are recorded, the rest stay pending.
  await getService(strapi, 'delivery-worker').stop();
  await getService(strapi, 'retention').stop();
};
