import deliveryWorker from './delivery-worker';
import desk from './desk';
import editorLabels from './editor-labels';
import journal from './journal';
import mediaGuard from './media-guard';
import outbox from './outbox';
import partnerTokens from './partner-tokens';
import partners from './partners';
import people from './people';
import publishedClauses from './published-clauses';
import recordReader from './record-reader';
import review from './review';
import roles from './roles';
import seed from './seed';
import slugs from './slugs';
import snapshot from './snapshot';
import statistics from './statistics';
import taxonomy from './taxonomy';

export default {
  'delivery-worker': deliveryWorker,
  desk,
  'editor-labels': editorLabels,
  journal,
  'media-guard': mediaGuard,
  outbox,
  'partner-tokens': partnerTokens,
  partners,
  people,
  'published-clauses': publishedClauses,
  'record-reader': recordReader,
  review,
  roles,
  seed,
  slugs,
  snapshot,
  statistics,
  taxonomy,
};
