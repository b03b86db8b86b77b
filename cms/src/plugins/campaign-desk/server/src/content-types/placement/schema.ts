import { PLACEMENT_SOURCES, PLACEMENT_STATES, keysOf } from '@campaign-desk/shared';
import { CONTENT_TYPES, UID } from '../../../../common/names';
import { editedInContentManager, httpUrl, sample } from '../attributes';

export default {
  kind: 'collectionType',
  collectionName: 'campaign_desk_placements',
  info: {
    ...CONTENT_TYPES.placement.info,
    description: '稿件向其他媒体推送、刊播和核实的记录；只有已核实的计入央媒、省媒覆盖并在网站公开',
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
    // What each state needs, and who may verify, are document-service rules (placement-*.ts).
    state: {
      type: 'enumeration',
      enum: keysOf(PLACEMENT_STATES),
      required: true,
      default: 'carried',
    },
    pitchedOn: {
      type: 'date',
    },
    contact: {
      type: 'string',
      maxLength: 100,
    },
    /** The day the outlet carried the story. */
    date: {
      type: 'date',
    },
    url: httpUrl,
    slot: {
      type: 'string',
      maxLength: 100,
    },
    evidence: {
      type: 'media',
      multiple: false,
      allowedTypes: ['images', 'files'],
    },
    note: {
      type: 'text',
    },
    source: {
      type: 'enumeration',
      enum: keysOf(PLACEMENT_SOURCES),
      default: 'newsroom',
      configurable: false,
    },
    // Written by the verification rule only; names kept as text so they outlive the account.
    verifiedAt: {
      type: 'datetime',
      configurable: false,
    },
    verifiedBy: {
      type: 'string',
      maxLength: 100,
      configurable: false,
    },
    sample,
  },
};
