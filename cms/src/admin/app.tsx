import type { StrapiApp } from '@strapi/strapi/admin';

export default {
  config: {
    // Editors work in Chinese; English stays available in each user's profile.
    locales: ['zh-Hans'],
    // No release check against api.github.com from every newsroom browser (often unreachable here).
    notifications: { releases: false },
  },
  bootstrap(_app: StrapiApp) {},
};
