/** A slug left empty keeps the one the record has, or is made in pinyin from its title (unique among its type). */
import type { Core } from '@strapi/strapi';
import { getService } from '../../utils';
import { step, type Step } from '../../document-service/pipeline';
import { slugEditOf } from './slug-edit';
import slugsService from '../services/slugs';

export default (strapi: Core.Strapi): Step =>
  step('slugFromTitle', ['create', 'update'], async (context) => {
    const edit = slugEditOf(context);
    if (!edit) return;
    const { type, source, data, documentId, requested } = edit;
    if (requested !== '') {
      data.slug = requested;
      return;
    }
    const slugs = getService(strapi, slugsService);
    const current = documentId ? await slugs.current(type, documentId) : null;
    if (current) data.slug = current;
    else if (typeof data[source] === 'string') data.slug = await slugs.generate(type, data[source], documentId);
    // Neither: left out rather than stored as '', which slugs, being unique, could hold only once.
    else if ('slug' in data) delete data.slug;
  });
