import { CONTENT_TYPES, UID } from '../../../../common/names';
import { editedInContentManager, sample, sampleDate, slug } from '../attributes';

export default {
  kind: 'collectionType',
  collectionName: 'campaign_desk_opinions',
  info: {
    ...CONTENT_TYPES.opinion.info,
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
    sampleDate,
    adoptedAt: {
      type: 'relation',
      relation: 'manyToOne',
      target: UID.event,
    },
    clauses: {
      type: 'relation',
      relation: 'oneToMany',
      target: UID.clause,
      mappedBy: 'opinion',
    },
    sample,
    /**
     * On the published version: its clauses as they stood when it was published, which is what
     * the public reads (publication/services/published-clauses.ts). Editing a clause changes the draft only.
     */
    publishedClauses: {
      type: 'json',
      visible: false,
      configurable: false,
    },
  },
};
