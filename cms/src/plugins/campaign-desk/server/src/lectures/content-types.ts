/**
 * 宣讲点单's two types: a topic of the 宣讲菜单 (published like the campaign's content) and a
 * unit's booking of one (internal: handled on the 宣讲点单 page; its contact's name and phone
 * are never here, but sealed in the contact vault under the booking's documentId).
 */
import { LECTURE_AUDIENCES, LECTURE_BOOKING_STATES, LECTURE_GROUPS, LECTURE_LIMITS, keysOf } from '@campaign-desk/shared';
import { CONTENT_TYPES } from '../../../common/names';
import { editedInContentManager, internal, sample, slug } from '../content-types/attributes';

const lectureTopic = {
  kind: 'collectionType',
  collectionName: 'campaign_desk_lecture_topics',
  info: { ...CONTENT_TYPES.lectureTopic.info, description: '宣讲菜单上的一个题目，由理论宣讲团或百姓宣讲团宣讲' },
  options: { draftAndPublish: true },
  pluginOptions: editedInContentManager,
  attributes: {
    title: { type: 'string', required: true, maxLength: 100 },
    slug,
    summary: { type: 'text', required: true, maxLength: 500 },
    group: { type: 'enumeration', enum: keysOf(LECTURE_GROUPS), required: true },
    /** Its speakers, separated by commas (、 or ,), as an event's are. */
    speakers: { type: 'string', maxLength: 300 },
    /** The audiences it is written for (keys of LECTURE_AUDIENCES); none is everyone. */
    audiences: { type: 'json' },
    minutes: { type: 'integer', min: 10, max: 480 },
    sample,
  },
};

const lectureBooking = {
  kind: 'collectionType',
  collectionName: 'campaign_desk_lecture_bookings',
  info: { ...CONTENT_TYPES.lectureBooking.info, description: '机关、企业、社区、农村按宣讲菜单预约的宣讲' },
  options: { draftAndPublish: false },
  pluginOptions: internal,
  attributes: {
    /** The topic's documentId, and its title as booked (the topic may be renamed or withdrawn since). */
    topic: { type: 'string', required: true, maxLength: 64 },
    topicTitle: { type: 'string', required: true, maxLength: 100 },
    unit: { type: 'string', required: true, maxLength: LECTURE_LIMITS.unit.max },
    audience: { type: 'enumeration', enum: keysOf(LECTURE_AUDIENCES), required: true },
    /** The place's slug (one of the eight county-level units). */
    place: { type: 'string', required: true, maxLength: 40 },
    /** The Monday of the week asked for. */
    week: { type: 'date', required: true },
    note: { type: 'text', maxLength: LECTURE_LIMITS.note.max },
    state: { type: 'enumeration', enum: keysOf(LECTURE_BOOKING_STATES), required: true, default: 'requested' },
    receivedAt: { type: 'datetime', required: true },
    /** The solved challenge's signature: each admits one booking. */
    proof: { type: 'string', unique: true, maxLength: 128 },
    /** Sensitive words the unit's texts contain, for the 宣传组's attention. */
    flags: { type: 'json' },
    /** Accepted: the group, the speakers, the time and place, and the public event made of them. */
    group: { type: 'enumeration', enum: keysOf(LECTURE_GROUPS) },
    speakers: { type: 'string', maxLength: 300 },
    startsAt: { type: 'datetime' },
    venue: { type: 'string', maxLength: 200 },
    event: { type: 'string', maxLength: 64 },
    /** Declined: why, as the unit is told. */
    reason: { type: 'text', maxLength: 500 },
    /** Who accepted or declined it, and when. */
    handledBy: { type: 'string', maxLength: 200 },
    handledAt: { type: 'datetime' },
  },
};

export default {
  'lecture-topic': { schema: lectureTopic },
  'lecture-booking': { schema: lectureBooking },
};
