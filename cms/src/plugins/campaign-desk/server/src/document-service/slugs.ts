/** Fills an empty slug from the title in pinyin; refuses to change a slug once public. */
import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
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

    if (context.action === 'update' && params.documentId) {
      const current = await slugs.current(type, params.documentId);
      const published = await getService(strapi, 'journal').hasBeenPublished(type, params.documentId);
      if (published && current && 'slug' in data && requested !== current) {
        throw new errors.ValidationError(`slug 在首次发布后不能修改（当前为 “${current}”）`, {
          errors: [{ path: ['slug'], message: '首次发布后不能修改', name: 'ValidationError' }],
        });
      }
      if (requested === '' && !current && typeof data[source] === 'string') {
        data.slug = await slugs.generate(type, data[source] as string, params.documentId);
      } else if ('slug' in data && requested === '') {
        data.slug = current;
      }
      return next();
    }

    if (requested === '' && typeof data[source] === 'string') {
      data.slug = await slugs.generate(type, data[source] as string);
    }
    return next();
  };
