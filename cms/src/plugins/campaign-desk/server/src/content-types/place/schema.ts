import { CONTENT_TYPES } from '../../../../common/names';
import { editedInContentManager, slug } from '../attributes';

export default {
  kind: 'collectionType',
  collectionName: 'campaign_desk_places',
  info: {
    ...CONTENT_TYPES.place.info,
    description: '咸宁市及所辖县市区（由系统预置）',
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
    order: {
      type: 'integer',
      required: true,
    },
  },
};
