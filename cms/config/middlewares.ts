import type { Core } from '@strapi/strapi';
import { objectStorageOrigin } from '../src/object-storage';

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  // Files in object storage are shown in the admin from the bucket's address: the policy allows
  // that origin beside Strapi's defaults (the market's logos stay out: the admin fetches nothing from the internet).
  const storage = objectStorageOrigin(env);
  return [
    'strapi::logger',
    'strapi::errors',
    storage
      ? {
          name: 'strapi::security',
          config: {
            contentSecurityPolicy: {
              directives: {
                'img-src': ["'self'", 'data:', 'blob:', storage],
                'media-src': ["'self'", 'data:', 'blob:', storage],
              },
            },
          },
        }
      : 'strapi::security',
    'strapi::cors',
    'strapi::poweredBy',
    'strapi::query',
    'strapi::body',
    'strapi::session',
    'strapi::favicon',
    'strapi::public',
  ];
};
