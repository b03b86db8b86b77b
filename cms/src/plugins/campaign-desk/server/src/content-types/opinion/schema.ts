import { SLUG_PATTERN } from '@campaign-desk/shared';

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
  pluginOptions: {
    'content-manager': {
      visible: true,
    },
    'content-type-builder': {
      visible: false,
    }
  },
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
    slug: {
      type: 'string',
      unique: true,
      maxLength: 80,
      regex: SLUG_PATTERN.source,
    },
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
    }
  },
};
