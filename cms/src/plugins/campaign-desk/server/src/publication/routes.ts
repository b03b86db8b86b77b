import type { Core } from '@strapi/strapi';
import { pluginConfig } from '../config/read';

export const contentApiRoutes = (strapi: Core.Strapi) => [
  {
    method: 'GET',
    path: '/snapshot',
    handler: 'snapshot.find',
    // An API token (read-only is enough) or a partner token, unless the snapshot is open.
    config: { policies: [] as string[], ...(pluginConfig(strapi).snapshot.requireToken ? {} : { auth: false as const }) },
  },
];
