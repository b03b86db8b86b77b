import { CONTENT_TYPES } from '../../../../common/names';
import { internal } from '../attributes';

/** One move in a story's review: who, when, from which stage to which, and why. Append-only. */
export default {
  kind: 'collectionType',
  collectionName: 'campaign_desk_review_entries',
  info: {
    ...CONTENT_TYPES.reviewEntry.info,
    description: '稿件审核流程中的每一步，不可修改',
  },
  options: {
    draftAndPublish: false,
  },
  pluginOptions: internal,
  attributes: {
    storyId: { type: 'string', required: true },
    action: { type: 'string', required: true },
    fromStage: { type: 'string', required: true },
    toStage: { type: 'string', required: true },
    comment: { type: 'text' },
    /** Kept as plain values: the log must outlive a renamed or deleted account. */
    actorId: { type: 'integer' },
    actorName: { type: 'string', required: true },
    /** The text a review passed, block by block (review-changes/): what the next version is compared with. */
    passedText: { type: 'json' },
    /** The word check's hits at 送审 or 终审 (word-check/), and 终审's written acknowledgement of them. */
    wordHits: { type: 'json' },
    acknowledgement: { type: 'text' },
  },
};
