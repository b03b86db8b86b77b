import type { StrapiApp } from '@strapi/strapi/admin';
import { vocabularyLabels } from '@campaign-desk/shared';

// The content manager labels an enumeration option with the translation whose id is the
// option's value, so the campaign's vocabularies show in Chinese while keys are stored.
const labels = vocabularyLabels();

export default {
  config: {
    // Editors work in Chinese; English stays available in each user's profile.
    locales: ['zh-Hans'],
    translations: { 'zh-Hans': labels, en: labels },
  },
  bootstrap(_app: StrapiApp) {},
};
