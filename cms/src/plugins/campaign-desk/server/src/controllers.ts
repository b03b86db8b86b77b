import desk from './coverage/controllers/desk';
import handoff from './handoff/controllers/handoff';
import live from './live/controllers/live';
import moderation from './participation/controllers/moderation';
import outbox from './outbox/controllers/outbox';
import participation from './participation/controllers/participation';
import partner from './coverage/controllers/partner';
import partnerTokens from './coverage/controllers/partner-tokens';
import review from './review/controllers/review';
import reviewQueue from './review/controllers/review-queue';
import notices from './notices/controllers/notices';
import preview from './preview/controllers/preview';
import schedule from './scheduling/controllers/schedule';
import snapshot from './publication/controllers/snapshot';
import statistics from './coverage/controllers/statistics';
import undelivered from './outbox/controllers/undelivered';
import liveQuestions from './live/controllers/live-questions';
import quizAnswers from './quiz/controllers/quiz-answers';
import quizStatistics from './quiz/controllers/quiz-statistics';
import likes from './likes/controllers/likes';
import likesStatistics from './likes/controllers/likes-statistics';
import lectureBookings from './lectures/controllers/lecture-bookings';
import lectureDesk from './lectures/controllers/lecture-desk';

export default {
  desk,
  handoff,
  live,
  moderation,
  outbox,
  participation,
  partner,
  'partner-tokens': partnerTokens,
  review,
  'review-queue': reviewQueue,
  notices,
  preview,
  schedule,
  snapshot,
  statistics,
  undelivered,
  'live-questions': liveQuestions,
  'quiz-answers': quizAnswers,
  'quiz-statistics': quizStatistics,
  likes,
  'likes-statistics': likesStatistics,
  'lecture-bookings': lectureBookings,
  'lecture-desk': lectureDesk,
};
