/**
 * With review chains per outlet (`review.perOutlet`), a story's outlet decides who reviews it:
 * so a story stays in its author's outlet (the author's 采编人员 record's). Nobody moves it to
 * another outlet or empties it (a story without an outlet goes to the 跨媒体 reviewers), not
 * its author and not an editor of another outlet who would then review it. A 采编人员 marked
 * 跨媒体 may place stories in any outlet; code acting on its own (imports, seeding) is trusted.
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
    type Row = { outlet: { documentId: string; name: string } | null; createdBy: { email: string | null } | null };
    const rowOf = async (documentId: string | undefined) =>
      documentId
        ? ((await strapi.db.query(UID.story).findOne({
            where: { documentId, publishedAt: null },
            populate: { outlet: { select: ['documentId', 'name'] }, createdBy: { select: ['email'] } },
          })) as Row | null)
        : null;
    const before = (await rowOf(edit.documentId))?.outlet ?? null;
    return async (result) => {
      const row = await rowOf(documentIdOf(params, result));
      const after = row?.outlet ?? null;
      if (!row || after?.documentId === before?.documentId) return;
      const team = getService(strapi, people);
      if ((await team.staffOf(user))?.allOutlets) return;
      // The author is who created the draft; on a create that is the acting person.
      const author = row.createdBy?.email ? await team.staffOf(row.createdBy) : await team.staffOf(user);
      if (author?.outletId ? author.outletId === after?.documentId : after === null) return;
      const own = author?.outletName ? `作者所属的“${author.outletName}”` : '作者所属的媒体（作者的账号还没有登记为采编人员）';
      const chosen = after ? `“${after.name}”` : '空';
      throw refusal(`按媒体分设审稿链时，稿件的首发媒体（outlet）只能是${own}，不能改为${chosen}：首发媒体决定由谁审稿。`);
    };
  });
