/**
 * Writes the campaign's field labels (common/editor-labels.ts) into the content manager's
 * configuration, where Strapi keeps each field's label, hint and the record's main field.
 * They are written at start-up only where a field still has Strapi's default (its own
 * name), so an administrator's later changes in “配置视图” are never overwritten.
 */
import type { Core } from '@strapi/strapi';
import { EDITOR_LABELS, fieldsOf, labelAndHint, type Labels } from '../../../../common/editor-labels';
import { PLUGIN_ID, UID, type CampaignContentKey } from '../../../../common/names';
import { defineService } from '../../utils';

interface Configuration {
  settings: Record<string, unknown> & { mainField?: string };
  metadatas: Record<string, { edit: { label?: string; description?: string; editable?: boolean }; list: { label?: string } }>;
  layouts: { list: string[] } & Record<string, unknown>;
}

const LIST_LAYOUT_KEY = 'listLayouts';

export default defineService('editor-labels', ({ strapi }: { strapi: Core.Strapi }) => ({
  async apply(): Promise<void> {
    const contentTypes = strapi.plugin('content-manager').service('content-types');
    const store = strapi.store({ type: 'plugin', name: PLUGIN_ID });
    const listsDone = ((await store.get({ key: LIST_LAYOUT_KEY })) ?? []) as string[];
    for (const [name, labels] of Object.entries(EDITOR_LABELS) as Array<[CampaignContentKey, Labels]>) {
      const uid = UID[name];
      const { settings, metadatas, layouts } = (await contentTypes.findConfiguration({ uid })) as Configuration;
      let changed = false;
      for (const [field, spec] of Object.entries(fieldsOf(name))) {
        const metadata = metadatas[field];
        if (!metadata || metadata.edit.label !== field) continue;
        const [label, hint] = labelAndHint(spec);
        metadata.edit.label = label;
        metadata.list.label = label;
        if (hint && !metadata.edit.description) metadata.edit.description = hint;
        changed = true;
      }
      // Strapi's default main field is the first string attribute (a slug, say), or the id.
      const attributes = Object.entries(strapi.contentType(uid as never).attributes);
      const defaultMainField = attributes.find(([, attribute]) => attribute.type === 'string')?.[0] ?? 'id';
      if (settings.mainField === defaultMainField && settings.mainField !== labels.mainField) {
        settings.mainField = labels.mainField;
        changed = true;
      }
      for (const field of labels.readOnly ?? []) {
        if (metadatas[field] && metadatas[field].edit.editable !== false) {
          metadatas[field].edit.editable = false;
          changed = true;
        }
      }
      if (labels.list && !listsDone.includes(name)) {
        layouts.list = labels.list;
        // The newest work first: the queue an editor opens the list for.
        settings.defaultSortBy = 'updatedAt';
        settings.defaultSortOrder = 'DESC';
        listsDone.push(name);
        changed = true;
      }
      if (changed) await contentTypes.updateConfiguration({ uid }, { settings, metadatas, layouts });
    }
    await store.set({ key: LIST_LAYOUT_KEY, value: listsDone });
  },
}));
