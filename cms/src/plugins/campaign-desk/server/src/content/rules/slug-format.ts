/** A slug someone types is lowercase letters, digits and hyphens: it becomes part of public URLs. */
import { SLUG_PATTERN } from '@campaign-desk/shared';
import { rule, type Rule } from '../../document-service/actions';
import { slugEditOf, slugError } from './slug-edit';

export default (): Rule =>
  rule('slugFormat', ['create', 'update'], async (context, next) => {
    const edit = slugEditOf(context);
    if (edit && edit.requested !== '' && !SLUG_PATTERN.test(edit.requested)) {
      throw slugError(`slug “${edit.requested}” 只能包含小写字母、数字和连字符`, '格式不正确');
    }
    return next();
  });
