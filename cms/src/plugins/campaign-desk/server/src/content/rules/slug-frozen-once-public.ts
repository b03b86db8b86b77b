/** A slug cannot change once its record has been public: links to it out there must keep working. */
import type { Core } from '@strapi/strapi';
import { getService } from '../../utils';
import { rule, type Rule } from '../../document-service/actions';
import { slugEditOf, slugError } from './slug-edit';
import journal from '../../publication/services/journal';
import slugs from '../services/slugs';

export default (strapi: Core.Strapi): Rule =>
  rule('slugFrozenOncePublic', ['update'], async (context, next) => {
    const edit = slugEditOf(context);
    if (!edit?.documentId || edit.requested === '') return next();
    const current = await getService(strapi, slugs).current(edit.type, edit.documentId);
    if (current && edit.requested !== current && (await getService(strapi, journal).hasBeenPublished(edit.type, edit.documentId))) {
      throw slugError(`slug 在首次发布后不能修改（当前为 “${current}”）`, '首次发布后不能修改');
    }
    return next();
  });
