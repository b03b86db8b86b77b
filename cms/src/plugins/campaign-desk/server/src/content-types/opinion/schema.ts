import { editedInContentManager, slug } from '../attributes';

export default {
  kind: 'collectionType',
  collectionName: 'campaign_desk_opinions',
  info: {
    singularName: 'opinion',
    pluralName: 'opinions',
    displayName: '政策文件',
    description: '《意见》及后续政策文件，由条款组成',
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
    shortTitle: {
      type: 'string',
      maxLength: 50,
    },
    slug,
    summary: {
      type: 'text',
    },
    adoptedOn: {
      type: 'date',
    },
    adoptedAt: {
      type: 'relation',
      relation: 'manyToOne',
      target: 'plugin::campaign-desk.event',
    },
    clauses: {
      type: 'relation',
      relation: 'oneToMany',
      target: 'plugin::campaign-desk.clause',
      mappedBy: 'opinion',
    },
  },
};
