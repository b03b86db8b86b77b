/**
 * Whether an edit changes what a story says, compared field by field with its draft as the
 * admin sends them: the test behind reopening review after an edit to an approved story and
 * refusing to publish an edit nobody reviewed. `changesContent` and `sameValue` are pure.
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../../../../common/names';

export type Attributes = Record<string, { type: string }>;

/** Not content: Strapi's bookkeeping and the stage itself. */
const NOT_CONTENT = new Set([
  'id',
  'documentId',
  'locale',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'reviewStage',
  'localizations',
]);

/** Whether `data` would change what `draft` (with its media as `{ id }`) says. */
export function changesContent(attributes: Attributes, draft: Record<string, unknown>, data: Record<string, unknown>): boolean {
  return Object.entries(data).some(([field, value]) => {
    const attribute = attributes[field];
    if (!attribute || NOT_CONTENT.has(field)) return false;
    if (attribute.type === 'relation') {
      // The admin sends relation edits as { connect, disconnect }; anything else sets them anew.
      if (value && typeof value === 'object' && !Array.isArray(value) && ('connect' in value || 'disconnect' in value)) {
        const { connect = [], disconnect = [], set } = value as { connect?: unknown[]; disconnect?: unknown[]; set?: unknown };
        return connect.length > 0 || disconnect.length > 0 || set !== undefined;
      }
      return true;
    }
    if (attribute.type === 'media') return mediaId(value) !== mediaId(draft[field]);
    return !sameValue(attribute.type, value, draft[field]);
  });
}

/** Whether `data` would change what the draft of story `documentId` says; a story without a draft has nothing to change. */
export async function editChangesStory(strapi: Core.Strapi, documentId: string, data: Record<string, unknown>): Promise<boolean> {
  const attributes = strapi.contentType(UID.story).attributes as Attributes;
  // Every media field as `{ id }`: one left out would read as empty, so resending it would look like an edit and clearing it like none.
  const media = Object.keys(attributes).filter((field) => attributes[field]!.type === 'media');
  const populate = Object.fromEntries(media.map((field) => [field, { select: ['id'] }]));
  const draft = (await strapi.db.query(UID.story).findOne({ where: { documentId, publishedAt: null }, populate })) as Record<
    string,
    unknown
  > | null;
  return draft !== null && changesContent(attributes, draft, data);
}

function mediaId(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'object') return Number((value as { id?: unknown }).id ?? NaN) || null;
  return Number(value) || null;
}

/** Whether a value the admin sends equals the stored one, as the attribute's type reads them. */
export function sameValue(type: string, incoming: unknown, stored: unknown): boolean {
  const empty = (value: unknown) => value === null || value === undefined || value === '';
  if (empty(incoming) || empty(stored)) return empty(incoming) && empty(stored);
  switch (type) {
    case 'datetime':
      return new Date(incoming as string).getTime() === new Date(stored as string).getTime();
    case 'date':
      return String(incoming).slice(0, 10) === (stored instanceof Date ? stored.toISOString() : String(stored)).slice(0, 10);
    case 'blocks':
    case 'json':
      return JSON.stringify(incoming) === JSON.stringify(typeof stored === 'string' ? JSON.parse(stored) : stored);
    case 'boolean':
      return Boolean(incoming) === Boolean(stored);
    case 'integer':
    case 'biginteger':
    case 'float':
    case 'decimal':
      return Number(incoming) === Number(stored);
    default:
      return String(incoming) === String(stored);
  }
}
