import contactVault from './participation/services/contact-vault';
import deliveryWorker from './outbox/services/delivery-worker';
import desk from './coverage/services/desk';
import editorLabels from './content/services/editor-labels';
import journal from './publication/services/journal';
import mediaGuard from './media/services/media-guard';
import moderation from './participation/services/moderation';
import outbox from './outbox/services/outbox';
import partnerTokens from './coverage/services/partner-tokens';
import partners from './coverage/services/partners';
import people from './newsroom/services/people';
import photos from './participation/services/photos';
import proof from './participation/services/proof';
import publishedClauses from './publication/services/published-clauses';
import rateLimits from './participation/services/rate-limits';
import recordReader from './publication/services/record-reader';
import retention from './participation/services/retention';
import review from './review/services/review';
import roles from './newsroom/services/roles';
import seed from './seed/services/seed';
import sensitiveWords from './participation/services/sensitive-words';
import slugs from './content/services/slugs';
import snapshot from './publication/services/snapshot';
import statistics from './coverage/services/statistics';
import submissions from './participation/services/submissions';
import taxonomy from './content/services/taxonomy';

export default {
  'contact-vault': contactVault,
  'delivery-worker': deliveryWorker,
  desk,
  'editor-labels': editorLabels,
  journal,
  'media-guard': mediaGuard,
  moderation,
  outbox,
  'partner-tokens': partnerTokens,
  partners,
  people,
  photos,
  proof,
  'published-clauses': publishedClauses,
  'rate-limits': rateLimits,
  'record-reader': recordReader,
  retention,
  review,
  roles,
  seed,
  'sensitive-words': sensitiveWords,
  slugs,
  snapshot,
  statistics,
  submissions,
  taxonomy,
};
