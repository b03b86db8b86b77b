import type { StrapiApp } from '@strapi/strapi/admin';

export default {
  config: {
    // Editors work in Chinese; English stays available in each user's profile.
    locales: ['zh-Hans'],
  },
  bootstrap(_app: StrapiApp) {},
};
