import { EVENT_KINDS, LECTURE_GROUPS, keysOf } from '@campaign-desk/shared';
import { CONTENT_TYPES, UID } from '../../../../common/names';
import { editedInContentManager, sample, sampleDate, slug } from '../attributes';

export default {
  kind: 'collectionType',
  collectionName: 'campaign_desk_events',
  info: {
    ...CONTENT_TYPES.event.info,
    description: '专题学习、研讨会、全会、宣讲等活动日程',
  },
  options: {
    draftAndPublish: true,
  },
  pluginOptions: editedInContentManager,
  attributes: {
    kind: {
      type: 'enumeration',
      enum: keysOf(EVENT_KINDS),
      required: true,
    },
    title: {
      type: 'string',
      required: true,
      maxLength: 200,
    },
    slug,
    startsAt: {
      type: 'datetime',
      required: true,
    },
    endsAt: {
      type: 'datetime',
    },
    sampleDate,
    venue: {
      type: 'string',
      maxLength: 200,
    },
    place: {
      type: 'relation',
      relation: 'manyToOne',
      target: UID.place,
    },
    theme: {
      type: 'relation',
      relation: 'manyToOne',
      target: UID.theme,
    },
    lectureGroup: {
      type: 'enumeration',
      enum: keysOf(LECTURE_GROUPS),
    },
    audiences: {
      type: 'json',
    },
    speakers: {
      type: 'string',
      maxLength: 300,
    },
    summary: {
      type: 'text',
    },
    sample,
  },
};
