/** Every service of the plugin, registered under the name its factory carries (utils.ts: defineService). */
import editorLabels from './content/services/editor-labels';
import counters from './counters/services/counters';
import slugs from './content/services/slugs';
import taxonomy from './content/services/taxonomy';
import desk from './coverage/services/desk';
import partnerTokens from './coverage/services/partner-tokens';
import partners from './coverage/services/partners';
import statistics from './coverage/services/statistics';
import handoff from './handoff/services/handoff';
import mediaGuard from './media/services/media-guard';
import people from './newsroom/services/people';
import roles from './newsroom/services/roles';
import deliveryWorker from './outbox/services/delivery-worker';
import outbox from './outbox/services/outbox';
import contactVault from './participation/services/contact-vault';
import moderation from './participation/services/moderation';
import photos from './participation/services/photos';
import proof from './participation/services/proof';
import rateLimits from './participation/services/rate-limits';
import retention from './participation/services/retention';
import sensitiveWords from './participation/services/sensitive-words';
import submissions from './participation/services/submissions';
import journal from './publication/services/journal';
import publishedClauses from './publication/services/published-clauses';
import recordReader from './publication/services/record-reader';
import snapshot from './publication/services/snapshot';
import review from './review/services/review';
import reviewChains from './review/services/review-chains';
import reviewChanges from './review/services/review-changes';
import wordCheck from './review/services/word-check';
import notices from './notices/services/notices';
import preview from './preview/services/preview';
import liveDesk from './live/services/live-desk';
import liveQuestions from './live/services/live-questions';
import scheduler from './scheduling/services/scheduler';
import scheduling from './scheduling/services/scheduling';
import seed from './seed/services/seed';
import quizzes from './quiz/services/quizzes';
import quizEntries from './quiz/services/quiz-entries';
import quizStatistics from './quiz/services/quiz-statistics';
import likes from './likes/services/likes';
import lectureBookings from './lectures/services/bookings';

const services = [
  counters,
  editorLabels,
  slugs,
  taxonomy,
  desk,
  partnerTokens,
  partners,
  statistics,
  handoff,
  mediaGuard,
  people,
  roles,
  deliveryWorker,
  outbox,
  contactVault,
  moderation,
  photos,
  proof,
  rateLimits,
  retention,
  sensitiveWords,
  submissions,
  journal,
  publishedClauses,
  recordReader,
  snapshot,
  review,
  reviewChains,
  reviewChanges,
  wordCheck,
  notices,
  preview,
  liveDesk,
  liveQuestions,
  scheduler,
  scheduling,
  seed,
  quizzes,
  quizEntries,
  quizStatistics,
  likes,
  lectureBookings,
];

export default Object.fromEntries(services.map((service) => [service.serviceName, service]));
