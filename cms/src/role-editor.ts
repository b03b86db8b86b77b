/**
 * The role editor's plugins and settings tabs in Chinese: Strapi builds their layout from
 * the actions as registered (in English) on each request; a handler added to each of the
 * two sections, after Strapi's own, renames the entry just listed. The registered actions
 * themselves are left as they are.
 */
import type { Core } from '@strapi/strapi';
import { PERMISSION_ACTIONS, PERMISSION_GROUPS } from './permission-labels';

interface Entry {
  plugin?: string;
  category?: string;
  subCategory?: string;
  displayName: string;
}

const group = <T extends string | undefined>(name: T): T => (name === undefined ? name : ((PERMISSION_GROUPS[name] ?? name) as T));

function renameLast({ section }: { section: Entry[] }): void {
  const entry = section.at(-1);
  if (!entry) return;
  entry.plugin = group(entry.plugin);
  entry.category = group(entry.category);
  entry.subCategory = group(entry.subCategory);
  entry.displayName = PERMISSION_ACTIONS[entry.displayName] ?? entry.displayName;
}

export function nameRoleEditorInChinese(strapi: Core.Strapi): void {
  const { sectionsBuilder } = strapi.service('admin::permission') as {
    sectionsBuilder: { addHandler(section: string, handler: (context: { section: Entry[] }) => void): unknown };
  };
  sectionsBuilder.addHandler('plugins', renameLast);
  sectionsBuilder.addHandler('settings', renameLast);
}
