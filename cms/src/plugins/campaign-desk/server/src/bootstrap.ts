import type { Core } from '@strapi/strapi';
import { nameInRoleEditor } from './newsroom/role-editor';
import { getService } from './utils';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const created = await getService(strapi, 'taxonomy').sync();
  if (created > 0) strapi.log.info(`[campaign-desk] created ${created} taxonomy records from the campaign plan`);
  await getService(strapi, 'editor-labels').apply();
  const backfilled = await getService(strapi, 'published-clauses').backfill();
  if (backfilled > 0) strapi.log.info(`[campaign-desk] stored the public clauses of ${backfilled} published opinions`);
  await getService(strapi, 'roles').registerActions();
  nameInRoleEditor(strapi);
  await getService(strapi, 'roles').ensure();
  getService(strapi, 'media-guard').install();
  getService(strapi, 'delivery-worker').start();
  await getService(strapi, 'contact-vault').ensureTable();
  getService(strapi, 'retention').start();
};
