import type { Core } from '@strapi/strapi';
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET'),
  },
  apiToken: {
    salt: env('API_TOKEN_SALT'),
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT'),
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY'),
  },
  // A newsroom network reaches nothing outside it: no satisfaction survey, no upsell of
  // paid features, no links into Strapi's online documentation, no AI features (they call
  // Strapi's cloud).
  flags: {
    nps: false,
    promoteEE: false,
    docLinks: false,
  },
  ai: {
    enabled: false,
  },
});
