import { CONTENT_TYPES, UID } from '../../../../common/names';
import { editedInContentManager, sample } from '../attributes';

/** 报道方案: one outlet's plan for one phase (theme) of the campaign, made of topics. */
export default {
  kind: 'collectionType',
  collectionName: 'campaign_desk_reporting_plans',
  info: {
    ...CONTENT_TYPES.reportingPlan.info,
    description: '各新闻单位每个阶段的细化报道方案（内部记录，不在网站公开）',
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
    outlet: {
      type: 'relation',
      relation: 'manyToOne',
      target: UID.outlet,
      required: true,
    },
    theme: {
      type: 'relation',
      relation: 'manyToOne',
      target: UID.theme,
      required: true,
    },
    lead: {
      type: 'relation',
      relation: 'manyToOne',
      target: UID.staffMember,
    },
    summary: {
      type: 'text',
      maxLength: 2000,
    },
    topics: {
      type: 'relation',
      relation: 'oneToMany',
      target: UID.topic,
      mappedBy: 'plan',
    },
    sample,
  },
};
