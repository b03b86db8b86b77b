import type { Core } from '@strapi/strapi';
import { nameInRoleEditor } from './newsroom/role-editor';
import { getService } from './utils';
import contactVault from './participation/services/contact-vault';
import counters from './counters/services/counters';
import deliveryWorker from './outbox/services/delivery-worker';
import editorLabels from './content/services/editor-labels';
import mediaGuard from './media/services/media-guard';
import publishedClauses from './publication/services/published-clauses';
import retention from './participation/services/retention';
import roles from './newsroom/services/roles';
import taxonomy from './content/services/taxonomy';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const created = await getService(strapi, taxonomy).sync();
  if (created > 0) strapi.log.info(`[campaign-desk] created ${created} taxonomy records from the campaign plan`);
  await getService(strapi, editorLabels).apply();
  const backfilled = await getService(strapi, publishedClauses).backfill();
  if (backfilled > 0) strapi.log.info(`[campaign-desk] stored the public clauses of ${backfilled} published opinions`);
  await getService(strapi, roles).registerActions();
  nameInRoleEditor(strapi);
  await getService(strapi, roles).ensure();
  getService(strapi, mediaGuard).install();
  getService(strapi, deliveryWorker).start();
  await getService(strapi, contactVault).ensureTable();
  await getService(strapi, counters).ensureTable();
  getService(strapi, counters).start();
  getService(strapi, retention).start();
};
