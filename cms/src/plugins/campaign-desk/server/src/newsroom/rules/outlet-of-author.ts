/**
 * A newsroom account belongs to an outlet (its 采编人员 record): the story or placement it
 * creates without naming an outlet gets that one, as a reporter of 咸宁日报 would expect.
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../../../../common/names';
import { getService } from '../../utils';
import { editOf, paramsOf, rule, type Rule, setsRelation } from '../../document-service/actions';
import { actingUser } from '../../request-context';
import people from '../services/people';

const DEFAULTED: ReadonlySet<string> = new Set([UID.story, UID.placement]);

export default (strapi: Core.Strapi): Rule =>
  rule('outletOfAuthor', ['create'], async (context, next) => {
    const user = actingUser(strapi);
    const edit = DEFAULTED.has(context.uid) && context.action === 'create' ? editOf(context.action, paramsOf(context)) : null;
    if (!edit || !user || setsRelation(edit.data.outlet)) return next();
    const staff = await getService(strapi, people).staffOf(user);
    if (staff?.outletId) edit.data.outlet = staff.outletId;
    return next();
  });
