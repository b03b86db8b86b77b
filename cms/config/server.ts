import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  // Absolute public URL of this server: image URLs in the snapshot are built from it.
  url: env('PUBLIC_URL', ''),
  logger: {
    updates: { enabled: false },
    startup: { enabled: env.bool('LOG_STARTUP', true) },
  },
  app: {
    keys: env.array('APP_KEYS'),
  },
});
