import { TOPIC_STATUSES, keysOf } from '@campaign-desk/shared';
import { CONTENT_TYPES, UID } from '../../../../common/names';
import { editedInContentManager, sample } from '../attributes';

/** 选题: a story planned in a reporting plan, assigned to reporters, due on a day, fulfilled by stories. */
export default {
  kind: 'collectionType',
  collectionName: 'campaign_desk_topics',
  info: {
    ...CONTENT_TYPES.topic.info,
    description: '报道方案中的选题：角度、服务的专栏和主题、承担的记者、完成时限和完成稿件（内部记录）',
  },
  options: {
    draftAndPublish: false,
  },
  pluginOptions: editedInContentManager,
  attributes: {
    title: {
      type: 'string',
      required: true,
      maxLength: 200,
    },
    angle: {
      type: 'text',
      maxLength: 2000,
    },
    plan: {
      type: 'relation',
      relation: 'manyToOne',
      target: UID.reportingPlan,
      inversedBy: 'topics',
      required: true,
    },
    column: {
      type: 'relation',
      relation: 'manyToOne',
      target: UID.column,
    },
    theme: {
      type: 'relation',
      relation: 'manyToOne',
      target: UID.theme,
    },
    reporters: {
      type: 'relation',
      relation: 'manyToMany',
      target: UID.staffMember,
    },
    dueOn: {
      type: 'date',
    },
    progress: {
      type: 'enumeration',
      enum: keysOf(TOPIC_STATUSES),
      required: true,
      default: 'planning',
    },
    stories: {
      type: 'relation',
      relation: 'manyToMany',
      target: UID.story,
    },
    sample,
  },
};
