/**
 * The names editors read for every field of the campaign's content types: a Chinese label,
 * and for some a hint, by type and field, plus the field that names a record in lists and
 * relation pickers. One table for both halves of the plugin: the server writes it into the
 * content manager's configuration (server/src/content/services/editor-labels.ts), and the admin registers it
 * as the messages the content manager looks labels up by (admin/src/translations.ts), so
 * list headers and form labels never fall back to a field's key.
 */
import { DESK_LABELS } from './editor-labels/desk';
import { LECTURE_LABELS } from './editor-labels/lectures';
import { LIVE_AND_QUIZ_LABELS } from './editor-labels/live-and-quiz';
import { PUBLISHED_LABELS } from './editor-labels/published';
import type { Field, Labels } from './editor-labels/shared';
import type { CampaignContentKey } from './names';

export type { Field, Labels };

/** Every campaign content type's labels, from the tables by subject in editor-labels/ (a type missing from them fails typecheck). */
export const EDITOR_LABELS: Record<CampaignContentKey, Labels> = {
  ...PUBLISHED_LABELS,
  ...DESK_LABELS,
  ...LIVE_AND_QUIZ_LABELS,
  ...LECTURE_LABELS,
};

/** Fields Strapi adds to every type, which editors meet as list columns and filters. */
export const SYSTEM_FIELD_LABELS: Record<string, string> = {
  id: 'ID',
  documentId: '文档 ID',
  createdAt: '创建时间',
  updatedAt: '更新时间',
  publishedAt: '发布时间',
  createdBy: '创建人',
  updatedBy: '最后修改人',
};

/** Every field of a type editors may meet, by name: Strapi's own fields, then the type's. */
export function fieldsOf(type: CampaignContentKey): Record<string, Field> {
  return { ...SYSTEM_FIELD_LABELS, ...EDITOR_LABELS[type].fields };
}

/** A field's label and hint (empty when it has none). */
export function labelAndHint(spec: Field): [label: string, hint: string] {
  return typeof spec === 'string' ? [spec, ''] : spec;
}
