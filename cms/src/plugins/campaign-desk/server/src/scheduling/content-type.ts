import { CONTENT_TYPES } from '../../../common/names';
import { keysOf } from '@campaign-desk/shared';
import { SCHEDULE_STATES } from '../../../common/schedule-api';
import { internal } from '../content-types/attributes';

/**
 * One 定时发布 of a story (scheduling/): when, by whom, and how it went. Written by the
 * scheduling service only; a row is claimed once (`claimedAt`) by the instance that publishes it.
 */
export default {
  schema: {
    kind: 'collectionType',
    collectionName: 'campaign_desk_schedules',
    info: {
      ...CONTENT_TYPES.schedule.info,
      description: '终审通过的稿件按预定时间自动发布',
    },
    options: {
      draftAndPublish: false,
    },
    pluginOptions: internal,
    attributes: {
      storyId: { type: 'string', required: true },
      publishAt: { type: 'datetime', required: true },
      state: { type: 'enumeration', enum: keysOf(SCHEDULE_STATES), required: true, default: 'pending' },
      /** Who scheduled it, kept as plain values as the review log keeps its actors. */
      scheduledById: { type: 'integer', required: true },
      scheduledByName: { type: 'string', required: true },
      /** Set once, by the instance that takes it to publish: no other instance publishes it again. */
      claimedAt: { type: 'datetime' },
      claimedBy: { type: 'string' },
      /** Why it failed or was cancelled. */
      outcome: { type: 'text' },
      finishedAt: { type: 'datetime' },
    },
  },
};
