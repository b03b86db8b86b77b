/** 图文直播 and its entries: the live is published like any campaign record, an entry once a 值班编辑 approved it. */
import { LIVE_ENTRY_KINDS, LIVE_ENTRY_STATES, LIVE_QUESTION_STATES, LIVE_STATES, keysOf } from '@campaign-desk/shared';
import { CONTENT_TYPES, UID } from '../../../common/names';
import { editedInContentManager, httpUrl, internal, sample, slug } from '../content-types/attributes';

export const live = {
  schema: {
    kind: 'collectionType',
    collectionName: 'campaign_desk_lives',
    info: { ...CONTENT_TYPES.live.info, description: '会议、活动的图文直播：预告 → 直播中 → 已结束' },
    options: { draftAndPublish: true },
    pluginOptions: editedInContentManager,
    attributes: {
      title: { type: 'string', required: true, maxLength: 200 },
      slug,
      event: { type: 'relation', relation: 'manyToOne', target: UID.event },
      state: { type: 'enumeration', enum: keysOf(LIVE_STATES), default: 'upcoming', required: true },
      summary: { type: 'text', maxLength: 500 },
      /** Whether readers may send questions while it is on air (网友提问). */
      questions: { type: 'boolean', default: false },
      sample,
    },
  },
};

export const liveEntry = {
  schema: {
    kind: 'collectionType',
    collectionName: 'campaign_desk_live_entries',
    info: { ...CONTENT_TYPES.liveEntry.info, description: '图文直播的一条，值班编辑审核后公开' },
    // Public by its state (审核), not by Draft & Publish: an entry has one version.
    options: { draftAndPublish: false },
    pluginOptions: editedInContentManager,
    attributes: {
      live: { type: 'relation', relation: 'manyToOne', target: UID.live },
      kind: { type: 'enumeration', enum: keysOf(LIVE_ENTRY_KINDS), default: 'entry_text', required: true },
      text: { type: 'text', required: true, maxLength: 2000 },
      photo: { type: 'media', multiple: false, allowedTypes: ['images'] },
      videoUrl: httpUrl,
      speaker: { type: 'string', maxLength: 100 },
      pinned: { type: 'boolean', default: false },
      correction: { type: 'boolean', default: false },
      /** Set by the approval step alone (rules/entry-approval.ts), never by a form. */
      state: { type: 'enumeration', enum: keysOf(LIVE_ENTRY_STATES), default: 'awaiting', required: true },
      postedAt: { type: 'datetime' },
      /** Kept as plain values, as the review log keeps its actors. */
      writerId: { type: 'integer' },
      writerName: { type: 'string' },
      approvedById: { type: 'integer' },
      approvedByName: { type: 'string' },
      /** The reader's question it answers, copied when a 值班编辑 answers it (live-questions.ts). */
      questionText: { type: 'text', maxLength: 1200 },
      questionAsker: { type: 'string', maxLength: 60 },
    },
  },
};

/** A reader's question (网友提问): nothing of them but the nickname they chose to give. */
export const liveQuestion = {
  schema: {
    kind: 'collectionType',
    collectionName: 'campaign_desk_live_questions',
    info: { ...CONTENT_TYPES.liveQuestion.info, description: '读者在图文直播页的提问，值班编辑采纳后作为条目回答' },
    options: { draftAndPublish: false },
    pluginOptions: internal,
    attributes: {
      live: { type: 'relation', relation: 'manyToOne', target: UID.live },
      text: { type: 'text', required: true, maxLength: 1200 },
      nickname: { type: 'string', maxLength: 60 },
      state: { type: 'enumeration', enum: keysOf(LIVE_QUESTION_STATES), default: 'asked', required: true },
      /** Sensitive words it contains, for the 值班编辑's attention. */
      flags: { type: 'json' },
      /** The entry that answers it, and who decided. */
      entryId: { type: 'string', maxLength: 64 },
      decidedByName: { type: 'string' },
    },
  },
};
