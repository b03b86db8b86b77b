/**
 * A newsroom account belongs to an outlet (its 采编人员 record): the story or placement it
 * creates without naming an outlet gets that one, as a reporter of 咸宁日报 would expect.
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../../../../common/names';
import { getService } from '../../utils';
import { editOf, paramsOf, setsRelation } from '../../document-service/actions';
import { step, type Step } from '../../document-service/pipeline';
import { actingUser } from '../../request-context';
import people from '../services/people';

const DEFAULTED: ReadonlySet<string> = new Set([UID.story, UID.placement]);

export default (strapi: Core.Strapi): Step =>
  step('outletOfAuthor', ['create'], async (context) => {
    const user = actingUser(strapi);
    const edit = DEFAULTED.has(context.uid) && context.action === 'create' ? editOf(context.action, paramsOf(context)) : null;
    if (!edit || !user || setsRelation(edit.data.outlet)) return;
    const staff = await getService(strapi, people).staffOf(user);
    if (staff?.outletId) edit.data.outlet = staff.outletId;
  });
