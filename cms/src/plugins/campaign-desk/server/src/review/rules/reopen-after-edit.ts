/**
 * Editing what a story says once someone has passed it (初审 or later) sends it back for
 * review (已送审), a new version every reviewer sees; its published version stays as it was
 * until the edit is approved and published.
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../../../../common/names';
import { getService } from '../../utils';
import { editOf, paramsOf } from '../../document-service/actions';
import { step, type Step } from '../../document-service/pipeline';
import { actingUser } from '../../request-context';
import { editChangesStory } from './story-edits';
import review from '../services/review';

export default (strapi: Core.Strapi): Step =>
  step('reopenAfterEdit', ['update'], async (context) => {
    const edit = context.uid === UID.story && context.action === 'update' ? editOf(context.action, paramsOf(context)) : null;
    const documentId = edit?.documentId;
    if (!edit || !documentId || !(await editChangesStory(strapi, documentId, edit.data))) return;
    const user = actingUser(strapi);
    // The edit and the move it causes are saved together or not at all (the pipeline's transaction).
    return () => getService(strapi, review).reopenAfterEdit(documentId, user);
  });
