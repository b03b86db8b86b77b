/** What the slug rules read from a create or update of a record that has a slug. */
import { errors } from '@strapi/utils';
import type { RecordType } from '@campaign-desk/shared';
import { recordTypeOf } from '../../record-types';
import { SLUG_SOURCES } from '../services/slugs';
import { editOf, paramsOf, type Context } from '../../document-service/actions';

export interface SlugEdit {
  type: RecordType;
  /** The field the slug is made from when left empty (the title or name). */
  source: string;
  data: Record<string, unknown>;
  documentId?: string;
  /** The slug asked for, trimmed; '' when left empty. */
  requested: string;
}

export function slugEditOf(context: Context): SlugEdit | null {
  const type = recordTypeOf(context.uid);
  const source = type && SLUG_SOURCES[type];
  const edit = editOf(context.action, paramsOf(context));
  if (!type || !source || !edit) return null;
  return { type, source, ...edit, requested: typeof edit.data.slug === 'string' ? edit.data.slug.trim() : '' };
}

/** A refusal the admin shows at the slug field. */
export function slugError(message: string, fieldMessage: string) {
  return new errors.ValidationError(message, {
    errors: [{ path: ['slug'], message: fieldMessage, name: 'ValidationError' }],
  });
}
