/**
 * What a partner outlet does through its token: report that it carried a story (the report
 * arrives as 已刊播, awaiting an editor's check, and answers an open pitch to that outlet if
 * there is one) and list its outlet's placements with where each stands.
 */
import type { PlacementSource, PlacementState } from '@campaign-desk/shared';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../../../common/names';
import type { PartnerPlacement, PartnerReport } from '../../../../common/partner-api';
import { placementStateName } from '../../../../common/placement-states';
import type { Partner } from './partner-tokens';
import { defineService } from '../../utils';

type Row = {
  documentId: string;
  state: PlacementState;
  date: string | Date | null;
  url: string | null;
  slot: string | null;
  source: PlacementSource | null;
  verifiedAt: string | Date | null;
  story: { documentId: string; title: string } | null;
};

const populate = { story: { select: ['documentId', 'title'] } };

function view(row: Row): PartnerPlacement {
  return {
    documentId: row.documentId,
    storyId: row.story?.documentId ?? null,
    storyTitle: row.story?.title ?? null,
    state: row.state,
    date: row.date instanceof Date ? row.date.toISOString().slice(0, 10) : row.date,
    url: row.url,
    slot: row.slot,
    source: row.source ?? 'newsroom',
    verifiedAt: row.verifiedAt ? new Date(row.verifiedAt).toISOString() : null,
  };
}

const refused = (field: string, message: string) =>
  new errors.ValidationError(`${field}: ${message}`, { errors: [{ path: [field], message, name: 'ValidationError' }] });

export default defineService('partners', ({ strapi }: { strapi: Core.Strapi }) => {
  const placements = () => strapi.db.query(UID.placement);

  return {
    async report(partner: Partner, report: PartnerReport): Promise<PartnerPlacement> {
      if (report.outletId && report.outletId !== partner.outletId) {
        // A PolicyError is a 403 whose message reaches the partner (Strapi hides a plain ForbiddenError's).
        throw new errors.PolicyError(`outletId: 此令牌属于${partner.outletName}，只能回报${partner.outletName}的刊播`);
      }
      const published = await strapi.db.query(UID.story).count({ where: { documentId: report.storyId, publishedAt: { $notNull: true } } });
      if (published === 0) throw refused('storyId', `没有找到已发布的稿件 ${report.storyId}`);

      const existing = (await placements().findOne({
        where: { story: { documentId: report.storyId }, outlet: { documentId: partner.outletId } },
        select: ['documentId', 'state'],
      })) as Pick<Row, 'documentId' | 'state'> | null;
      if (existing && (existing.state === 'carried' || existing.state === 'verified')) {
        throw refused('storyId', `${partner.outletName}刊播这篇稿件已有记录（${placementStateName(existing.state)}）`);
      }
      const data = {
        state: 'carried',
        date: report.date,
        url: report.url ?? null,
        slot: report.slot ?? null,
        ...(report.note === undefined ? {} : { note: report.note }),
        source: 'partner',
      };
      const documents = strapi.documents(UID.placement);
      const saved = existing
        ? await documents.update({ documentId: existing.documentId, data } as never)
        : await documents.create({ data: { ...data, story: report.storyId, outlet: partner.outletId, sample: false } } as never);
      const row = (await placements().findOne({ where: { documentId: (saved as { documentId: string }).documentId }, populate })) as Row;
      return view(row);
    },

    async placements(partner: Partner, limit: number): Promise<PartnerPlacement[]> {
      const rows = (await placements().findMany({
        where: { outlet: { documentId: partner.outletId } },
        populate,
        orderBy: { id: 'desc' },
        limit,
      })) as Row[];
      return rows.map(view);
    },
  };
});
