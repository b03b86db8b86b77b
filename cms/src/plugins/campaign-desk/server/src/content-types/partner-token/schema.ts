import { CONTENT_TYPES, UID } from '../../../../common/names';
import { internal } from '../attributes';

/**
 * A partner outlet's API token: only its SHA-256 is kept (the token is shown once, when it
 * is issued), it speaks for its one outlet, and it stops working when revoked.
 */
export default {
  kind: 'collectionType',
  collectionName: 'campaign_desk_partner_tokens',
  info: {
    ...CONTENT_TYPES.partnerToken.info,
    description: '合作媒体回报上稿用的令牌（只存摘要）',
  },
  options: {
    draftAndPublish: false,
  },
  pluginOptions: internal,
  attributes: {
    outlet: {
      type: 'relation',
      relation: 'manyToOne',
      target: UID.outlet,
      required: true,
    },
    label: { type: 'string', required: true, maxLength: 100 },
    tokenHash: { type: 'string', required: true, unique: true, private: true },
    /** The token's first characters, so a person can tell tokens apart. */
    prefix: { type: 'string', required: true },
    issuedBy: { type: 'string', required: true },
    lastUsedAt: { type: 'datetime' },
    revokedAt: { type: 'datetime' },
  },
};
