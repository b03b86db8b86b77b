/**
 * The campaign's names in Settings → Roles: Strapi lists a content type there by its
 * singular name (`good-deed`) and groups a plugin's actions under the plugin's id, both
 * built from the registered actions on each request. Handlers added after Strapi's own
 * name the campaign's types by their Chinese names and the plugin by its display name.
 */
import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES, PLUGIN_ID } from '../../../common/names';
import packageJson from '../../../package.json';

interface Subject {
  uid: string;
  label: string;
}

const typeNames = new Map<string, string>(Object.values(CONTENT_TYPES).map(({ uid, info }) => [uid, info.displayName]));

function nameTypes({ section }: { section: { subjects: Subject[] } }): void {
  for (const subject of section.subjects) subject.label = typeNames.get(subject.uid) ?? subject.label;
}

function namePlugin({ section }: { section: Array<{ plugin: string }> }): void {
  const entry = section.at(-1);
  if (entry?.plugin === PLUGIN_ID) entry.plugin = packageJson.strapi.displayName;
}

export function nameInRoleEditor(strapi: Core.Strapi): void {
  const { sectionsBuilder } = strapi.service('admin::permission') as {
    sectionsBuilder: { addHandler(section: string, handler: (context: never) => void): unknown };
  };
  sectionsBuilder.addHandler('collectionTypes', nameTypes);
  sectionsBuilder.addHandler('singleTypes', nameTypes);
  sectionsBuilder.addHandler('plugins', namePlugin);
}
