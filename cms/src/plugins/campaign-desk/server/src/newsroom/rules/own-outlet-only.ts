/**
 * With review chains per outlet (`review.perOutlet`), a story's outlet decides who reviews it:
 * so a person places a story only in their own outlet (their 采编人员 record's), never in
 * another whose chain they would rather have, nor moves one there. A 采编人员 marked 跨媒体
 * may place stories in any outlet; code acting on its own (imports, seeding) is trusted.
 *
 * Judged on the saved row, after the write and in its transaction (a refusal rolls it back):
 * the outlet as stored is compared with what it was, whatever form the relation was sent in.
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../../../../common/names';
import { pluginConfig } from '../../config/read';
import { documentIdOf, editOf, paramsOf } from '../../document-service/actions';
import { step, type Step } from '../../document-service/pipeline';
import { refusal } from '../../errors';
import { actingUser } from '../../request-context';
import { getService } from '../../utils';
import people from '../services/people';

export default (strapi: Core.Strapi): Step =>
  step('ownOutletOnly', ['create', 'update'], async (context) => {
    const user = actingUser(strapi);
    const params = paramsOf(context);
    const edit = context.uid === UID.story ? editOf(context.action, params) : null;
    if (!edit || !user || !pluginConfig(strapi).review.perOutlet) return;
    const outletOf = async (documentId: string | undefined) => {
      if (!documentId) return null;
      const row = (await strapi.db.query(UID.story).findOne({
        where: { documentId, publishedAt: null },
        populate: { outlet: { select: ['documentId', 'name'] } },
      })) as { outlet: { documentId: string; name: string } | null } | null;
      return row?.outlet ?? null;
    };
    const before = await outletOf(edit.documentId);
    return async (result) => {
      const after = await outletOf(documentIdOf(params, result));
      if (!after || after.documentId === before?.documentId) return;
      const staff = await getService(strapi, people).staffOf(user);
      if (staff?.allOutlets || staff?.outletId === after.documentId) return;
      const own = staff?.outletName ? `你所属的“${staff.outletName}”` : '你所属的媒体（你的账号还没有登记为采编人员）';
      throw refusal(`按媒体分设审稿链时，稿件的首发媒体（outlet）只能是${own}，不能填“${after.name}”：首发媒体决定由谁审稿。`);
    };
  });
