import { CONTENT_TYPES, UID } from '../../../../common/names';
import { editedInContentManager } from '../attributes';

/**
 * A newsroom account's place in the newsroom: which outlet the person works for. Linked to
 * the admin account by its email, the one thing both the person and Settings → Users show.
 */
export default {
  kind: 'collectionType',
  collectionName: 'campaign_desk_staff_members',
  info: {
    ...CONTENT_TYPES.staffMember.info,
    description: '后台账号所属的媒体：记者新建稿件和上稿记录时默认填入本单位，选题按人分派；按媒体分设审稿链时，此人为本单位稿件做哪一审',
  },
  options: {
    draftAndPublish: false,
  },
  pluginOptions: editedInContentManager,
  attributes: {
    name: {
      type: 'string',
      required: true,
      maxLength: 50,
    },
    email: {
      type: 'email',
      required: true,
      unique: true,
      maxLength: 200,
    },
    outlet: {
      type: 'relation',
      relation: 'manyToOne',
      target: UID.outlet,
      required: true,
    },
    // The outlet's review chain (审稿链, review/services/review-chains.ts): which of 三审 this account makes for
    // its outlet's stories, or for every outlet's (a 主编 across outlets), once chains are on.
    firstReview: { type: 'boolean', default: false },
    secondReview: { type: 'boolean', default: false },
    finalReview: { type: 'boolean', default: false },
    allOutlets: { type: 'boolean', default: false },
  },
};
