import { CONTENT_TYPES, UID } from '../../../../common/names';
import { editedInContentManager, httpUrl, sample } from '../attributes';

export default {
  kind: 'collectionType',
  collectionName: 'campaign_desk_placements',
  info: {
    ...CONTENT_TYPES.placement.info,
    description: '稿件被其他媒体刊播的记录，用于统计央媒、省媒覆盖',
  },
  options: {
    draftAndPublish: false,
  },
  pluginOptions: editedInContentManager,
  attributes: {
    story: {
      type: 'relation',
      relation: 'manyToOne',
      target: UID.story,
      required: true,
    },
    outlet: {
      type: 'relation',
      relation: 'manyToOne',
      target: UID.outlet,
      required: true,
    },
    date: {
      type: 'date',
      required: true,
    },
    url: httpUrl,
    slot: {
      type: 'string',
      maxLength: 100,
    },
    note: {
      type: 'text',
    },
    sample,
  },
};
