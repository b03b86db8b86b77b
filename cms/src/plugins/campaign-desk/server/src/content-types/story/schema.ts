import { STORY_KINDS, keysOf } from '@campaign-desk/shared';
import { REVIEW_STAGES } from '../../workflow';
import { editedInContentManager, httpUrl, sample, slug } from '../attributes';

export default {
  kind: 'collectionType',
  collectionName: 'campaign_desk_stories',
  info: {
    singularName: 'story',
    pluralName: 'stories',
    displayName: '稿件',
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
    outlet: {
      type: 'relation',
      relation: 'manyToOne',
      target: 'plugin::campaign-desk.outlet',
    },
    printOutlet: {
      type: 'relation',
      relation: 'manyToOne',
      target: 'plugin::campaign-desk.outlet',
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
      target: 'plugin::campaign-desk.column',
    },
    theme: {
      type: 'relation',
      relation: 'manyToOne',
      target: 'plugin::campaign-desk.theme',
    },
    activities: {
      type: 'relation',
      relation: 'manyToMany',
      target: 'plugin::campaign-desk.activity',
    },
    places: {
      type: 'relation',
      relation: 'manyToMany',
      target: 'plugin::campaign-desk.place',
    },
    figures: {
      type: 'relation',
      relation: 'manyToMany',
      target: 'plugin::campaign-desk.figure',
    },
    clauses: {
      type: 'relation',
      relation: 'manyToMany',
      target: 'plugin::campaign-desk.clause',
    },
    event: {
      type: 'relation',
      relation: 'manyToOne',
      target: 'plugin::campaign-desk.event',
    },
    sample,
    // Moved only by review actions (see services/workflow.ts), never by editing.
    reviewStage: {
      type: 'enumeration',
      enum: REVIEW_STAGES.map((stage) => stage.key),
      default: 'draft',
      configurable: false,
    },
  },
};
