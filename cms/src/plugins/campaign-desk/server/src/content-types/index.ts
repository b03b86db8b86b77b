import story from './story';
import column from './column';
import theme from './theme';
import activity from './activity';
import place from './place';
import outlet from './outlet';
import figure from './figure';
import goodDeed from './good-deed';
import opinion from './opinion';
import clause from './clause';
import event from './event';
import placement from './placement';
import suggestion from './suggestion';
import submission from './submission';
import staffMember from './staff-member';
import reportingPlan from './reporting-plan';
import topic from './topic';
import change from './change';
import reviewEntry from './review-entry';
import outboxEvent from './outbox-event';
import outboxDelivery from './outbox-delivery';
import partnerToken from './partner-token';
import notice from '../notices/content-type';
import { live, liveEntry, liveQuestion } from '../live/content-types';
import schedule from '../scheduling/content-type';
import quizTypes from '../quiz/content-types';
import lectureTypes from '../lectures/content-types';

export default {
  story: story,
  column: column,
  theme: theme,
  activity: activity,
  place: place,
  outlet: outlet,
  figure: figure,
  'good-deed': goodDeed,
  opinion: opinion,
  clause: clause,
  event: event,
  placement: placement,
  'staff-member': staffMember,
  'reporting-plan': reportingPlan,
  topic: topic,
  suggestion: suggestion,
  change: change,
  'review-entry': reviewEntry,
  'outbox-event': outboxEvent,
  'outbox-delivery': outboxDelivery,
  submission: submission,
  'partner-token': partnerToken,
  notice: notice,
  live: live,
  'live-entry': liveEntry,
  'live-question': liveQuestion,
  schedule: schedule,
  ...quizTypes,
  ...lectureTypes,
};
