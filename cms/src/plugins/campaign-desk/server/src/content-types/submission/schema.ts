import { SUGGESTION_TOPICS, keysOf } from '@campaign-desk/shared';
import { CONTENT_TYPES, UID } from '../../../../common/names';
import { SUBMISSION_KINDS, SUBMISSION_STATUSES } from '../../../../common/participation-api';
import { internal } from '../attributes';

/**
 * What a reader sent through one of the site's forms, as it arrived (text cleaned), and what
 * the newsroom did with it. Moderated on the 群众来稿 page, never in the content manager; the
 * reader's contact details are not here but in their own encrypted table (participation/services/contact-vault.ts),
 * out of every export.
 */
export default {
  kind: 'collectionType',
  collectionName: 'campaign_desk_submissions',
  info: {
    ...CONTENT_TYPES.submission.info,
    description: '读者通过专题网站提交的建言和好人好事，待编辑审核',
  },
  options: {
    draftAndPublish: false,
  },
  pluginOptions: internal,
  attributes: {
    kind: { type: 'enumeration', enum: [...SUBMISSION_KINDS], required: true },
    status: { type: 'enumeration', enum: [...SUBMISSION_STATUSES], required: true, default: 'pending' },
    /** 建言: its topic and text. */
    topic: { type: 'enumeration', enum: keysOf(SUGGESTION_TOPICS) },
    text: { type: 'text' },
    /** The name the reader chose to show, if any. */
    name: { type: 'string', maxLength: 30 },
    /** 好人好事: who, where, when, what, and the figure whose relay it joins. */
    doer: { type: 'string', maxLength: 100 },
    place: { type: 'relation', relation: 'manyToOne', target: UID.place },
    date: { type: 'date' },
    figure: { type: 'relation', relation: 'manyToOne', target: UID.figure },
    /**
     * A good deed's photo, made safe (participation/services/photos.ts) and held here, base64 JPEG,
     * while it waits: the media library serves every file to anyone who has its name, so a photo
     * enters it (as `photo`) only once a moderator adopts it.
     */
    heldPhoto: { type: 'text', private: true },
    heldPhotoWidth: { type: 'integer' },
    heldPhotoHeight: { type: 'integer' },
    photo: { type: 'media', multiple: false, allowedTypes: ['images'] },
    /** Sensitive words found in it, for a moderator's attention. */
    flags: { type: 'json' },
    /** Whether the sender solved the proof-of-work challenge (a browser with JavaScript) or posted the plain form. */
    proven: { type: 'boolean', default: false },
    /** The solved challenge's signature: each is accepted once (unique), which makes a retried post harmless. */
    proof: { type: 'string', unique: true, maxLength: 128 },
    receivedAt: { type: 'datetime', required: true },
    /** The moderation: who, when, the reason for 未采纳, the reply of an adopted suggestion. */
    moderatedAt: { type: 'datetime' },
    moderator: { type: 'string', maxLength: 200 },
    reason: { type: 'text' },
    reply: { type: 'text' },
    /** What it became: the published suggestion or good deed, or the draft story it was turned into. */
    publishedAs: { type: 'string', maxLength: 64 },
    story: { type: 'relation', relation: 'manyToOne', target: UID.story },
  },
};
