import { tmpdir } from 'node:os';
import type { Core } from '@strapi/strapi';
import { objectStorageOrigin } from '../src/object-storage';

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  // CORS for the admin's own origin (where the public reaches this server) and the site's,
  // never for any other page: Strapi's default answers every origin, credentials allowed, so
  // any page the admin's cookie reaches could read an access token.
  const adminOrigin = originOf(env('PUBLIC_URL', '') || `http://${env('HOST', '127.0.0.1')}:${env.int('PORT', 1337)}`);
  const siteOrigin = originOf(env('SITE_URL', 'http://127.0.0.1:4321'));
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
    {
      name: 'strapi::cors',
      config: {
        origin: [adminOrigin, siteOrigin].filter((origin): origin is string => origin !== null),
        // Cookies and what they open are for the admin's own pages only.
        credentials: (ctx: { get(field: string): string }) => adminOrigin !== null && ctx.get('Origin') === adminOrigin,
      },
    },
    'strapi::poweredBy',
    'strapi::query',
    // Where an upload waits while its request is read (removed once answered); UPLOAD_TMP_DIR puts it elsewhere.
    { name: 'strapi::body', config: { formidable: { uploadDir: env('UPLOAD_TMP_DIR', tmpdir()) } } },
    'strapi::session',
    'strapi::favicon',
    'strapi::public',
  ];
};
