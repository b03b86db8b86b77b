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
  // 预览: a story's draft rendered by the publisher with the site's templates, in the edit view
  // (docs/operator/editorial.md). The plugin makes the URL, with a short-lived token, only for
  // someone who may read the story.
  preview: {
    enabled: true,
    config: {
      allowedOrigins: [new URL(env('SITE_URL', 'http://127.0.0.1:4321')).origin],
      handler: (uid: string, { documentId }: { documentId: string }) =>
        strapi.plugin('campaign-desk').service('preview').urlFor(uid, documentId) as Promise<string | null>,
    },
  },
});
