/**
 * Only someone who may verify (核实上稿记录: editors, the chief editor) moves a placement to
 * 已核实 or back, changes or deletes a verified one: it is the fact the coverage figures and the site
 * rest on. The verification is recorded on the placement (who, when) by this rule alone, and
 * where a placement came from (`source`) is set by code, never through a form.
 */
import type { PlacementState } from '@campaign-desk/shared';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLACEMENT_VERIFY_ACTION, UID } from '../../../../common/names';
import { refusal } from '../../errors';
import { nameOf } from '../../newsroom/services/people';
import type { AdminUser } from '../../request-context';
import { getService } from '../../utils';
import { editOf, paramsOf, rule, type Rule } from '../../document-service/actions';
import { actingUser } from '../../request-context';
import people from '../../newsroom/services/people';

const RECORDED = ['verifiedAt', 'verifiedBy'] as const;

export default (strapi: Core.Strapi): Rule => {
  async function stateOf(documentId: string): Promise<PlacementState | null> {
    const row = (await strapi.db.query(UID.placement).findOne({ where: { documentId }, select: ['state'] })) as {
      state: PlacementState;
    } | null;
    return row?.state ?? null;
  }
  const mayVerify = (user: AdminUser) => getService(strapi, people).may(user, PLACEMENT_VERIFY_ACTION.id);

  return rule('placementVerification', ['create', 'update', 'delete'], async (context, next) => {
    if (context.uid !== UID.placement) return next();
    const user = actingUser(strapi);
    const { documentId } = paramsOf(context);
    if (context.action === 'delete') {
      if (user && documentId && (await stateOf(documentId)) === 'verified' && !(await mayVerify(user))) {
        throw refusal('已核实的上稿记录只有有核实权限的人（编辑、主编）可以删除');
      }
      return next();
    }
    const edit = editOf(context.action, paramsOf(context));
    if (!edit) return next();
    if (user) {
      for (const field of [...RECORDED, 'source']) delete edit.data[field];
      if (context.action === 'create') edit.data.source = 'newsroom';
    }
    const before = edit.documentId ? await stateOf(edit.documentId) : null;
    const after = (edit.data.state as PlacementState | undefined) ?? before ?? 'carried';

    if ((before === 'verified' || after === 'verified') && user && !(await mayVerify(user))) {
      throw new errors.ForbiddenError(
        before === 'verified'
          ? '已核实的上稿记录只有有核实权限的人（编辑、主编）可以修改'
          : '只有有核实权限的人（编辑、主编）可以把上稿记录标为“已核实”',
      );
    }
    if (after === 'verified' && before !== 'verified') {
      edit.data.verifiedAt = new Date();
      edit.data.verifiedBy = nameOf(user);
    } else if (before === 'verified' && after !== 'verified') {
      edit.data.verifiedAt = null;
      edit.data.verifiedBy = null;
    }
    return next();
  });
};
