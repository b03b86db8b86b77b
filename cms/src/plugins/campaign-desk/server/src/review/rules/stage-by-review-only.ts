/** A story's review stage moves only through review actions: an edit cannot set it, a new story starts as a draft. */
import { UID } from '../../../../common/names';
import { editOf, paramsOf, rule, type Rule } from '../../document-service/actions';

export default (): Rule =>
  rule('stageByReviewOnly', ['create', 'update'], async (context, next) => {
    const edit = context.uid === UID.story ? editOf(context.action, paramsOf(context)) : null;
    if (edit) {
      if (context.action === 'create') edit.data.reviewStage = 'draft';
      else delete edit.data.reviewStage;
    }
    return next();
  });
