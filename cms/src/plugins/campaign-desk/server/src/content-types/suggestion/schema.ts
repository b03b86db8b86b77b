import { SUGGESTION_TOPICS, keysOf } from '@campaign-desk/shared';
import { CONTENT_TYPES } from '../../../../common/names';
import { editedInContentManager, sample } from '../attributes';

/**
 * A reader's suggestion the newsroom adopted, with its reply: what the site's 建言献策 wall
 * shows. Made by adopting a submission on the 群众来稿 page; editors may correct the reply or
 * withdraw it here. It holds nothing about the reader but the name they chose to show.
 */
export default {
  kind: 'collectionType',
  collectionName: 'campaign_desk_suggestions',
  info: {
    ...CONTENT_TYPES.suggestion.info,
    description: '采纳的群众建议及编辑部回复',
  },
  options: {
    draftAndPublish: true,
  },
  pluginOptions: editedInContentManager,
  attributes: {
    topic: {
      type: 'enumeration',
      enum: keysOf(SUGGESTION_TOPICS),
      required: true,
    },
    text: {
      type: 'text',
      required: true,
      maxLength: 2000,
    },
    name: {
      type: 'string',
      maxLength: 30,
    },
    reply: {
      type: 'text',
      required: true,
      maxLength: 2000,
    },
    receivedOn: {
      type: 'date',
      required: true,
    },
    repliedOn: {
      type: 'date',
      required: true,
    },
    sample,
  },
};
