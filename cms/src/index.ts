import type { Core } from '@strapi/strapi';
import { renameDefaultRecords } from './default-records';
import { ADMIN_LOCALE } from './locale';
import { nameRoleEditorInChinese } from './role-editor';

export default {
  register() {},
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Strapi leaves a new account's language empty, and the admin then shows English: new
    // accounts (invited, made by code, the first administrator) work in Chinese unless
    // they choose otherwise in their profile.
    strapi.db.lifecycles.subscribe({
      models: ['admin::user'],
      beforeCreate(event) {
        const data = event.params.data as { preferedLanguage?: string | null };
        data.preferedLanguage ??= ADMIN_LOCALE;
      },
    });
    nameRoleEditorInChinese(strapi);
    await renameDefaultRecords(strapi);
  },
};
