/** Publishing a quiz publishes its questions as they stand (quiz/services/quizzes.ts); any change of a quiz's public version is forgotten by the answer cache. */
import type { Core } from '@strapi/strapi';
import { UID } from '../../../../common/names';
import { getService } from '../../utils';
import { documentIdOf, paramsOf, publishes } from '../../document-service/actions';
import { step, type Step } from '../../document-service/pipeline';
import quizzes from '../services/quizzes';

export default (strapi: Core.Strapi): Step =>
  step('quizAtPublish', ['create', 'update', 'publish', 'unpublish', 'delete'], (context) => {
    const params = paramsOf(context);
    if (context.uid !== UID.quiz) return;
    return async (result) => {
      const documentId = documentIdOf(params, result);
      if (publishes(context.action, params) && documentId) await getService(strapi, quizzes).freeze(documentId);
      getService(strapi, quizzes).forget();
    };
  });
