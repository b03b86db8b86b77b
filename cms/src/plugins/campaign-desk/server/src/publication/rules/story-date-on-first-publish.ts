/** A story's news date defaults to the moment it is first published, then stays. */
import type { Core } from '@strapi/strapi';
import { UID } from '../../../../common/names';
import { paramsOf, publishes } from '../../document-service/actions';
import { step, type Step } from '../../document-service/pipeline';

export default (strapi: Core.Strapi): Step =>
  step('storyDateOnFirstPublish', ['create', 'update', 'publish'], async (context) => {
    const params = paramsOf(context);
    if (context.uid !== UID.story || !publishes(context.action, params)) return;
    const now = new Date();
    if (context.action === 'create') {
      if (params.data && !params.data.date) params.data.date = now;
      return;
    }
    // The draft is dated, and the publish copies it to the public version.
    await strapi.db
      .query(UID.story)
      .updateMany({ where: { documentId: params.documentId, publishedAt: null, date: null }, data: { date: now } });
  });
