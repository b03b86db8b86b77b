import { REVIEW_STAGES, STORY_KINDS, keysOf } from '@campaign-desk/shared';
import { CONTENT_TYPES, UID } from '../../../../common/names';
import { editedInContentManager, httpUrl, sample, slug } from '../attributes';

export default {
  kind: 'collectionType',
  collectionName: 'campaign_desk_stories',
  info: {
    ...CONTENT_TYPES.story.info,
    description: '一篇报道：消息、通讯、评论、视频等',
  },
  options: {
    draftAndPublish: true,
  },
  pluginOptions: editedInContentManager,
  attributes: {
    title: {
      type: 'string',
      required: true,
      maxLength: 200,
    },
    subtitle: {
      type: 'string',
      maxLength: 200,
    },
    slug,
    date: {
      type: 'datetime',
    },
    summary: {
      type: 'text',
      maxLength: 500,
    },
    body: {
      type: 'blocks',
    },
    kind: {
      type: 'enumeration',
      enum: keysOf(STORY_KINDS),
      required: true,
      default: 'news',
    },
    cover: {
      type: 'media',
      multiple: false,
      allowedTypes: ['images'],
    },
    coverCaption: {
      type: 'string',
      maxLength: 300,
    },
    coverCredit: {
      type: 'string',
      maxLength: 100,
    },
    mediaUrl: httpUrl,
    // The story's own audio or video, played in the page (the contract's `media`).
    mediaFile: {
      type: 'media',
      multiple: false,
      allowedTypes: ['videos', 'audios'],
    },
    mediaSeconds: {
      type: 'integer',
      min: 1,
      max: 86400,
    },
    captions: {
      type: 'media',
      multiple: false,
      allowedTypes: ['files'],
    },
    outlet: {
      type: 'relation',
      relation: 'manyToOne',
      target: UID.outlet,
    },
    printOutlet: {
      type: 'relation',
      relation: 'manyToOne',
      target: UID.outlet,
    },
    printDate: {
      type: 'date',
    },
    printPage: {
      type: 'string',
      maxLength: 50,
    },
    bylines: {
      type: 'string',
      maxLength: 300,
    },
    columns: {
      type: 'relation',
      relation: 'manyToMany',
      target: UID.column,
    },
    theme: {
      type: 'relation',
      relation: 'manyToOne',
      target: UID.theme,
    },
    activities: {
      type: 'relation',
      relation: 'manyToMany',
      target: UID.activity,
    },
    places: {
      type: 'relation',
      relation: 'manyToMany',
      target: UID.place,
    },
    figures: {
      type: 'relation',
      relation: 'manyToMany',
      target: UID.figure,
    },
    clauses: {
      type: 'relation',
      relation: 'manyToMany',
      target: UID.clause,
    },
    event: {
      type: 'relation',
      relation: 'manyToOne',
      target: UID.event,
    },
    featured: {
      type: 'boolean',
      default: false,
    },
    sample,
    // Moved only by review actions (see review/services/review.ts), never by editing.
    reviewStage: {
      type: 'enumeration',
      enum: keysOf(REVIEW_STAGES),
      default: 'draft',
      configurable: false,
    },
  },
};
