import contactVault from './contact-vault';
import deliveryWorker from './delivery-worker';
import desk from './desk';
import editorLabels from './editor-labels';
import journal from './journal';
import mediaGuard from './media-guard';
import moderation from './moderation';
import outbox from './outbox';
import partnerTokens from './partner-tokens';
import partners from './partners';
import people from './people';
import photos from './photos';
import proof from './proof';
import publishedClauses from './published-clauses';
import rateLimits from './rate-limits';
import recordReader from './record-reader';
import retention from './retention';
import review from './review';
import reviewChains from '../review-chains/chains';
import roles from './roles';
import seed from './seed';
import sensitiveWords from './sensitive-words';
import slugs from './slugs';
import snapshot from './snapshot';
import statistics from './statistics';
import submissions from './submissions';
import taxonomy from './taxonomy';

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
  'review-chains': reviewChains,
  roles,
  seed,
  'sensitive-words': sensitiveWords,
  slugs,
  snapshot,
  statistics,
  submissions,
  taxonomy,
};
