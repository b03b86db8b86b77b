/**
 * One reporting plan per outlet and phase (theme): a second one for 咸宁日报 in the phase of
 * 特色产业增长极 is refused, naming the plan that exists. Judged on the saved row, inside the
 * write's transaction, whatever shape the relations were sent in.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../../../common/names';
import { documentIdOf, editOf, paramsOf } from '../../document-service/actions';
import { step, type Step } from '../../document-service/pipeline';

type Ref = { id: number; name: string } | null;

export default (strapi: Core.Strapi): Step =>
  step('onePlanPerOutletAndPhase', ['create', 'update'], (context) => {
    const params = paramsOf(context);
    if (context.uid !== UID.reportingPlan || !editOf(context.action, params)) return;
    const plans = strapi.db.query(UID.reportingPlan);
    return async (result) => {
      const documentId = documentIdOf(params, result);
      const plan = (await plans.findOne({
        where: { documentId },
        populate: { outlet: { select: ['id', 'name'] }, theme: { select: ['id', 'name'] } },
      })) as { outlet: Ref; theme: Ref } | null;
      if (!plan?.outlet || !plan.theme) return;
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
    };
  });
