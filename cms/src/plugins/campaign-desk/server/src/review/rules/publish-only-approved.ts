/**
 * A story is published only once approved (终审), and an edit to it only once reviewed: an
 * update that publishes changed content at the same time is refused.
 *
 * The check and the publish share the pipeline's transaction with the story's draft row locked
 * from the check on: an edit racing the publish either lands first (and, having reopened the
 * review, gets the publish refused) or waits until the approved version has been published.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../../../common/names';
import { stageName } from '../../../../common/review-stages';
import { getService } from '../../utils';
import { paramsOf, publishes } from '../../document-service/actions';
import { step, type Step } from '../../document-service/pipeline';
import { editChangesStory } from './story-edits';
import review from '../services/review';

export default (strapi: Core.Strapi): Step =>
  step('publishOnlyApproved', ['create', 'update', 'publish'], async (context) => {
    const params = paramsOf(context);
    if (context.uid !== UID.story || !publishes(context.action, params)) return;
    // A story created and published in one go has no stage yet: it is a draft.
    const stage = params.documentId ? await getService(strapi, review).lockedStage(params.documentId) : 'draft';
    const edited =
      context.action === 'update' && params.data && params.documentId && (await editChangesStory(strapi, params.documentId, params.data));
    if (stage !== 'approved' || edited) {
      throw new errors.ValidationError(
        edited ? '稿件内容有修改，须重新通过审核后才能发布' : `稿件尚未通过终审（当前：${stageName(stage)}），不能发布`,
      );
    }
  });
