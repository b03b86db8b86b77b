/** The publisher fetches a draft to preview with the token the admin gave (checked by the service, not by Strapi's auth). */
export const contentApiRoutes = [{ method: 'GET', path: '/preview', handler: 'preview.draft', config: { auth: false as const } }];
