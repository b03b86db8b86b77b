/**
 * Records Strapi creates in a new database with English names, which its admin shows as
 * data: its three roles, its two API tokens and the i18n plugin's default locale. Each is
 * renamed in Chinese only while it is exactly as Strapi made it, so an administrator's own
 * names are kept.
 */
import type { Core } from '@strapi/strapi';

const DEFAULT_RECORDS: Array<{ uid: string; strapi: Record<string, string>; chinese: Record<string, string> }> = [
  {
    uid: 'admin::role',
    strapi: { name: 'Super Admin', description: 'Super Admins can access and manage all features and settings.' },
    chinese: { name: '超级管理员', description: '可以使用和管理全部功能与设置。' },
  },
  {
    uid: 'admin::role',
    strapi: { name: 'Editor', description: 'Editors can manage and publish contents including those of other users.' },
    chinese: { name: '通用编辑', description: 'Strapi 自带的角色：可以管理和发布全部内容，包括他人创建的内容。' },
  },
  {
    uid: 'admin::role',
    strapi: { name: 'Author', description: 'Authors can manage the content they have created.' },
    chinese: { name: '通用作者', description: 'Strapi 自带的角色：可以管理自己创建的内容。' },
  },
  {
    uid: 'admin::api-token',
    strapi: { name: 'Read Only', description: 'A default API token with read-only permissions, only used for accessing resources' },
    chinese: { name: '只读', description: 'Strapi 自带的令牌：只能读取内容。' },
  },
  {
    uid: 'admin::api-token',
    strapi: {
      name: 'Full Access',
      description: 'A default API token with full access permissions, used for accessing or modifying resources',
    },
    chinese: { name: '完全访问', description: 'Strapi 自带的令牌：可以读取和修改内容。' },
  },
  { uid: 'plugin::i18n.locale', strapi: { code: 'en', name: 'English (en)' }, chinese: { name: '英语（en）' } },
];

export async function renameDefaultRecords(strapi: Core.Strapi): Promise<void> {
  for (const { uid, strapi: original, chinese } of DEFAULT_RECORDS) {
    await strapi.db.query(uid as never).update({ where: original, data: chinese });
  }
}
