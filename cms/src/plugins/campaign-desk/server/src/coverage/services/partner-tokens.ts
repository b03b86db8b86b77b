/**
 * Partner outlets' API tokens (合作媒体令牌): issued for one outlet, shown once, kept only as
 * a SHA-256 digest, revocable. A token reads the snapshot (the campaign's feed) and reports
 * its outlet's republications; it speaks for no other outlet.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../../../common/names';
import type { PartnerTokenView } from '../../../../common/partner-api';
import { defineService } from '../../utils';

/** Tokens start with this, so the partner strategy knows its own and leaves others to Strapi's. */
export const PARTNER_TOKEN_PREFIX = 'cdp_';

/** What a partner token stands for once authenticated. */
export interface Partner {
  tokenId: number;
  outletId: string;
  outletName: string;
}

type Row = {
  id: number;
  documentId: string;
  label: string;
  prefix: string;
  issuedBy: string;
  createdAt: string | Date;
  lastUsedAt: string | Date | null;
  revokedAt: string | Date | null;
  outlet: { documentId: string; name: string } | null;
};

const digest = (token: string) => createHash('sha256').update(token).digest('hex');
const iso = (value: string | Date | null) => (value ? new Date(value).toISOString() : null);

function view(row: Row): PartnerTokenView {
  return {
    documentId: row.documentId,
    label: row.label,
    prefix: row.prefix,
    outlet: row.outlet ? { documentId: row.outlet.documentId, name: row.outlet.name } : null,
    issuedBy: row.issuedBy,
    createdAt: iso(row.createdAt)!,
    lastUsedAt: iso(row.lastUsedAt),
    revokedAt: iso(row.revokedAt),
  };
}

export default defineService('partner-tokens', ({ strapi }: { strapi: Core.Strapi }) => {
  const tokens = () => strapi.db.query(UID.partnerToken);
  const populate = { outlet: { select: ['documentId', 'name'] } };

  return {
    async list(): Promise<PartnerTokenView[]> {
      return ((await tokens().findMany({ populate, orderBy: { id: 'desc' } })) as Row[]).map(view);
    },

    /** A new token for `outletId`; the only time the token itself is seen. */
    async issue(outletId: string, label: string, issuedBy: string): Promise<{ token: string; record: PartnerTokenView }> {
      const outlet = (await strapi.db.query(UID.outlet).findOne({ where: { documentId: outletId }, select: ['id'] })) as {
        id: number;
      } | null;
      if (!outlet) {
        throw new errors.ValidationError(`没有找到媒体 ${outletId}`, {
          errors: [{ path: ['outletId'], message: '没有这家媒体', name: 'ValidationError' }],
        });
      }
      const token = `${PARTNER_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
      const row = (await tokens().create({
        data: { outlet: outlet.id, label, tokenHash: digest(token), prefix: token.slice(0, PARTNER_TOKEN_PREFIX.length + 6), issuedBy },
        populate,
      })) as Row;
      return { token, record: view(row) };
    },

    async revoke(documentId: string): Promise<PartnerTokenView> {
      const row = (await tokens().findOne({ where: { documentId }, select: ['id', 'revokedAt'] })) as Pick<Row, 'id' | 'revokedAt'> | null;
      if (!row) throw new errors.NotFoundError(`没有找到令牌 ${documentId}`);
      const revoked = (await tokens().update({
        where: { id: row.id },
        data: { revokedAt: row.revokedAt ?? new Date() },
        populate,
      })) as Row;
      return view(revoked);
    },

    /** The partner a token speaks for; none if it is unknown or revoked. */
    async authenticate(token: string): Promise<Partner | null> {
      const row = (await tokens().findOne({ where: { tokenHash: digest(token) }, populate })) as Row | null;
      if (!row || row.revokedAt || !row.outlet) return null;
      await tokens().update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
      return { tokenId: row.id, outletId: row.outlet.documentId, outletName: row.outlet.name };
    },
  };
});
