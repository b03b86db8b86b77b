/**
 * The messages the plugin gives the admin, by locale. Its own screens look theirs up by
 * `campaign-desk.<id>` with English as the default message and Chinese in
 * translations/zh-Hans.json; a new screen adds its ids there (the type of `getTranslation`
 * refuses an id that file lacks). The campaign's names (content types, fields,
 * vocabularies, review stages) are Chinese in every locale and come from their tables in
 * `common/` and the shared taxonomy, under the ids the content manager looks them up by.
 */
import { vocabularyLabels } from '@campaign-desk/shared';
import { fieldsOf, labelAndHint } from '../../common/editor-labels';
import { CAMPAIGN_CONTENT_TYPES, CONTENT_TYPES, PLUGIN_ACTIONS, PLUGIN_ID } from '../../common/names';
import packageJson from '../../package.json';
import zhHans from './translations/zh-Hans.json';

export type MessageId = keyof typeof zhHans;

/** The id of one of the plugin's own messages. */
export const getTranslation = (id: MessageId) => `${PLUGIN_ID}.${id}`;

const OWN_MESSAGES: Record<string, Record<string, string>> = { 'zh-Hans': zhHans };

/** The plugin's name and description, as package.json gives them to Strapi. */
export const { displayName: PLUGIN_DISPLAY_NAME, description: PLUGIN_DESCRIPTION } = packageJson.strapi;

/**
 * The content manager names a content type in its menu by a message whose id is the name
 * itself, labels a field by `content-manager.content-types.<uid>.<field>` (over the label
 * in its configuration), and an enumeration option by its value (every vocabulary's keys, the
 * workflow's included, with their Chinese names: one namespace, checked unique in shared/). Settings → Plugins names
 * the plugin by `global.plugins.<id>`; the role editor looks up the names of its groups
 * (the plugin, its actions' groups, content types) as message ids.
 */
function campaignNames(): Record<string, string> {
  const names: Record<string, string> = {
    ...vocabularyLabels(),
    [`global.plugins.${PLUGIN_ID}`]: PLUGIN_DISPLAY_NAME,
    [`global.plugins.${PLUGIN_ID}.description`]: PLUGIN_DESCRIPTION,
    [PLUGIN_DISPLAY_NAME]: PLUGIN_DISPLAY_NAME,
  };
  for (const { subCategory } of PLUGIN_ACTIONS) names[subCategory] = subCategory;
  for (const type of CAMPAIGN_CONTENT_TYPES) {
    const { uid, info } = CONTENT_TYPES[type];
    names[info.displayName] = info.displayName;
    for (const [field, spec] of Object.entries(fieldsOf(type))) {
      names[`content-manager.content-types.${uid}.${field}`] = labelAndHint(spec)[0];
    }
  }
  return names;
}

export function messagesFor(locale: string): Record<string, string> {
  const own = Object.entries(OWN_MESSAGES[locale] ?? {}).map(([id, message]) => [`${PLUGIN_ID}.${id}`, message]);
  return { ...campaignNames(), ...Object.fromEntries(own) };
}
