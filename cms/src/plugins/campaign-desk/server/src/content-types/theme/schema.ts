import { CONTENT_TYPES } from '../../../../common/names';
import { editedInContentManager, slug } from '../attributes';

export default {
  kind: 'collectionType',
  collectionName: 'campaign_desk_themes',
  info: {
    ...CONTENT_TYPES.theme.info,
    description: '三个发展定位，各有阶段时间（由系统预置）',
  },
  options: {
    draftAndPublish: false,
  },
  pluginOptions: editedInContentManager,
  attributes: {
    slug: { ...slug, required: true },
    name: {
      type: 'string',
      required: true,
      unique: true,
    },
    phase: {
      type: 'integer',
      required: true,
      min: 1,
    },
    startsOn: {
      type: 'date',
      required: true,
    },
    endsOn: {
      type: 'date',
      required: true,
    },
    description: {
      type: 'text',
    },
  },
};
