/** Fills an empty slug from the title in pinyin; refuses to change a slug once public. */
import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { SLUG_PATTERN } from '@campaign-desk/shared';
import { recordTypeOf } from '../record-types';
import { SLUG_SOURCES } from '../services/slugs';
import { getService } from '../utils';

export default (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    const type = recordTypeOf(context.uid);
    const source = type && SLUG_SOURCES[type];
    if (!type || !source || (context.action !== 'create' && context.action !== 'update')) return next();

    const params = context.params as { documentId?: string; data?: Record<string, unknown> };
    const data = params.data;
    if (!data) return next();
    const slugs = getService(strapi, 'slugs');
    const requested = typeof data.slug === 'string' ? data.slug.trim() : '';
    if (requested !== '' && !SLUG_PATTERN.test(requested)) {
      throw slugError(`slug “${requested}” 只能包含小写字母、数字和连字符`, '格式不正确');
    }
    const documentId = context.action === 'update' ? params.documentId : undefined;
    const current = documentId ? await slugs.current(type, documentId) : null;

    if (requested === '') {
      // Left empty: keep the slug it has, or make one from the title.
      if (current) data.slug = current;
      else if (typeof data[source] === 'string') data.slug = await slugs.generate(type, data[source] as string, documentId);
      else if ('slug' in data) delete data.slug;
    } else {
      if (documentId && current && requested !== current && (await getService(strapi, 'journal').hasBeenPublished(type, documentId))) {
        throw slugError(`slug 在首次发布后不能修改（当前为 “${current}”）`, '首次发布后不能修改');
      }
      data.slug = requested;
    }
    return next();
  };

function slugError(message: string, fieldMessage: string) {
  return new errors.ValidationError(message, {
    errors: [{ path: ['slug'], message: fieldMessage, name: 'ValidationError' }],
  });
}
