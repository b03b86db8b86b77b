/** The plugin's routes, composed from each feature's. */
import type { Core } from '@strapi/strapi';
import * as coverage from './coverage/routes';
import * as handoff from './handoff/routes';
import * as live from './live/routes';
import * as notices from './notices/routes';
import * as outbox from './outbox/routes';
import * as participation from './participation/routes';
import * as preview from './preview/routes';
import * as publication from './publication/routes';
import * as review from './review/routes';
import * as scheduling from './scheduling/routes';
import * as quiz from './quiz/routes';
import * as likes from './likes/routes';
import * as lectures from './lectures/routes';

export default {
  admin: {
    type: 'admin',
    routes: [
      ...review.adminRoutes,
      ...scheduling.adminRoutes,
      ...handoff.adminRoutes,
      ...notices.adminRoutes,
      ...outbox.adminRoutes,
      ...participation.adminRoutes,
      ...coverage.adminRoutes,
      ...live.adminRoutes,
      ...quiz.adminRoutes,
      ...likes.adminRoutes,
      ...lectures.adminRoutes,
    ],
  },
  'content-api': ({ strapi }: { strapi: Core.Strapi }) => ({
    type: 'content-api',
    routes: [
      ...publication.contentApiRoutes(strapi),
      ...coverage.contentApiRoutes,
      ...outbox.contentApiRoutes,
      ...participation.contentApiRoutes,
      ...preview.contentApiRoutes,
      ...quiz.contentApiRoutes,
      ...live.contentApiRoutes,
      ...likes.contentApiRoutes,
      ...lectures.contentApiRoutes,
    ],
  }),
};
