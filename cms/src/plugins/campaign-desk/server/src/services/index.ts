import contactVault from './contact-vault';
import deliveryWorker from './delivery-worker';
import editorLabels from './editor-labels';
import journal from './journal';
import moderation from './moderation';
import outbox from './outbox';
import photos from './photos';
import proof from './proof';
import rateLimits from './rate-limits';
import recordReader from './record-reader';
import retention from './retention';
import review from './review';
import roles from './roles';
import seed from './seed';
import sensitiveWords from './sensitive-words';
import slugs from './slugs';
import snapshot from './snapshot';
import submissions from './submissions';
import taxonomy from './taxonomy';

export default {
  'contact-vault': contactVault,
  'delivery-worker': deliveryWorker,
  'editor-labels': editorLabels,
  journal,
  moderation,
  outbox,
  photos,
  proof,
  'rate-limits': rateLimits,
  'record-reader': recordReader,
  retention,
  review,
  roles,
  seed,
  'sensitive-words': sensitiveWords,
  slugs,
  snapshot,
  submissions,
  taxonomy,
};
