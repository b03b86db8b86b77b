/**
 * One reporting plan per outlet and phase (theme): a second one for 咸宁日报 in the phase of
 * 特色产业增长极 is refused, naming the plan that exists. Judged on the saved row, inside the
 * write's transaction, whatever shape the relations were sent in.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../../../common/names';
import { documentIdOf, editOf, paramsOf, rule, type Rule } from '../../document-service/actions';

type Ref = { id: number; name: string } | null;

export default (strapi: Core.Strapi): Rule =>
  rule('onePlanPerOutletAndPhase', ['create', 'update'], async (context, next) => {
    const params = paramsOf(context);
    if (context.uid !== UID.reportingPlan || !editOf(context.action, params)) return next();
    const plans = strapi.db.query(UID.reportingPlan);
    return strapi.db.transaction(async () => {
      const result = await next();
      const documentId = documentIdOf(params, result);
      const plan = (await plans.findOne({
        where: { documentId },
        populate: { outlet: { select: ['id', 'name'] }, theme: { select: ['id', 'name'] } },
      })) as { outlet: Ref; theme: Ref } | null;
      if (!plan?.outlet || !plan.theme) return result;
      const other = (await plans.findOne({
        where: { documentId: { $ne: documentId }, outlet: { id: plan.outlet.id }, theme: { id: plan.theme.id } },
        select: ['title'],
      })) as { title: string } | null;
      if (other) {
        throw new errors.ValidationError(`${plan.outlet.name}在“${plan.theme.name}”阶段已有报道方案《${other.title}》`, {
          errors: [
            { path: ['outlet'], message: '每家媒体每个阶段一个报道方案', name: 'ValidationError' },
            { path: ['theme'], message: '每家媒体每个阶段一个报道方案', name: 'ValidationError' },
          ],
        });
      }
      return result;
    });
  });
