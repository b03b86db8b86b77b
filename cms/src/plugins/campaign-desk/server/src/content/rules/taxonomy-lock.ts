/** Keeps themes, activities and places exactly as the plan fixes them. */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { recordTypeOf } from '../../record-types';
import { TAXONOMY, isTaxonomyType } from '../services/taxonomy';
import { rule, type Rule } from '../../document-service/actions';

const FIXED_FIELDS = ['slug', 'name'] as const;

export default (strapi: Core.Strapi): Rule =>
  rule('taxonomyLock', ['create', 'update', 'delete'], async (context, next) => {
    const type = recordTypeOf(context.uid);
    if (!isTaxonomyType(type)) return next();
    const { label, entries } = TAXONOMY[type];
    const data = (context.params as { data?: Record<string, unknown> }).data;

    if (context.action === 'delete') {
      throw new errors.ValidationError(`${label}由宣传方案确定，不能删除`);
    }
    if (context.action === 'create') {
      const entry = entries.find((candidate) => candidate.slug === data?.slug && candidate.name === data?.name);
      if (!entry) {
        throw new errors.ValidationError(
          `${label}由宣传方案确定（${entries.map((candidate) => candidate.name).join('、')}），不能新增 “${String(data?.name ?? '')}”`,
          { errors: [{ path: ['name'], message: '不在宣传方案确定的范围内', name: 'ValidationError' }] },
        );
      }
    }
    if (context.action === 'update' && data) {
      const changed = FIXED_FIELDS.filter((field) => field in data);
      if (changed.length > 0) {
        const documentId = (context.params as { documentId?: string }).documentId;
        const current = (await strapi.db.query(context.uid).findOne({ where: { documentId } })) as Record<string, unknown> | null;
        const altered = changed.filter((field) => current && current[field] !== data[field]);
        if (altered.length > 0) {
          throw new errors.ValidationError(`${label}的名称和 slug 由宣传方案确定，不能修改`, {
            errors: altered.map((field) => ({ path: [field], message: '不能修改', name: 'ValidationError' })),
          });
        }
      }
    }
    return next();
  });
