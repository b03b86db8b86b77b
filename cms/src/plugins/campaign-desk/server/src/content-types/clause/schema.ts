import { CONTENT_TYPES, UID } from '../../../../common/names';
import { editedInContentManager, sample } from '../attributes';

export default {
  kind: 'collectionType',
  collectionName: 'campaign_desk_clauses',
  info: {
    ...CONTENT_TYPES.clause.info,
    description: '政策文件的一条，解读稿件可以指向它',
  },
  options: {
    draftAndPublish: false,
  },
  pluginOptions: editedInContentManager,
  attributes: {
    opinion: {
      type: 'relation',
      relation: 'manyToOne',
      target: UID.opinion,
      inversedBy: 'clauses',
      required: true,
    },
    label: {
      type: 'string',
      required: true,
      maxLength: 20,
    },
    heading: {
      type: 'string',
      maxLength: 200,
    },
    text: {
      type: 'text',
      required: true,
    },
    order: {
      type: 'integer',
      required: true,
    },
    sample,
  },
};
