import type { StrapiApp } from '@strapi/strapi/admin';
import { ADMIN_LOCALE } from '../locale';
import { PERMISSION_GROUPS } from '../permission-labels';
import strapiInChinese from './translations/zh-Hans.json';

/** Where Strapi keeps the interface language a browser last used (its `LANGUAGE_LOCAL_STORAGE_KEY`). */
const LANGUAGE_STORAGE_KEY = 'strapi-admin-language';
/**
 * Where Strapi keeps that its banner announcing the new media library was closed, per
 * project id (which /admin/init reports as `false` with telemetry off).
 */
const MEDIA_LIBRARY_BANNER_CLOSED_KEY = 'STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_false:false';

/** The role editor looks the name of each group of actions up as a message id: the Chinese names are their own messages. */
const permissionGroupNames = Object.fromEntries(Object.values(PERMISSION_GROUPS).map((name) => [name, name]));

export default {
  config: {
    locales: [ADMIN_LOCALE],
    // Strapi's own messages that its zh-Hans catalogues lack (or leave in English), by the
    // ids of its en.json files; merged over them, so they also mend a poor translation.
    translations: { [ADMIN_LOCALE]: { ...permissionGroupNames, ...strapiInChinese } },
    // Nothing the admin would fetch from the internet: a newsroom network does not reach it.
    notifications: { releases: false },
  },
  register(_app: StrapiApp) {
    // Strapi starts in English unless this browser stored a language, and switches to an
    // account's own language only after logging in: so the log-in page, and accounts with
    // no language of their own, start in Chinese.
    if (!window.localStorage.getItem(LANGUAGE_STORAGE_KEY)) window.localStorage.setItem(LANGUAGE_STORAGE_KEY, ADMIN_LOCALE);
    // The banner advertises a blog post on strapi.io, which a newsroom network does not
    // reach, above every page: it starts closed.
    window.localStorage.setItem(MEDIA_LIBRARY_BANNER_CLOSED_KEY, 'true');
  },
  bootstrap(_app: StrapiApp) {},
};
