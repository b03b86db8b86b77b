/** The review log is append-only: review moves add to it by query; through the Document Service it is read-only. */
import { errors } from '@strapi/utils';
import { UID } from '../../../../common/names';
import { rule, type Rule, WRITES } from '../../document-service/actions';

export default (): Rule =>
  rule('reviewLogAppendOnly', WRITES, async (context, next) => {
    if (context.uid !== UID.reviewEntry) return next();
    throw new errors.ForbiddenError('审稿记录只能由审稿操作追加，不能修改或删除');
  });
