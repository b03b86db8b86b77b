import deliveryWorker from './delivery-worker';
import editorLabels from './editor-labels';
import journal from './journal';
import mediaGuard from './media-guard';
import outbox from './outbox';
import publishedClauses from './published-clauses';
import recordReader from './record-reader';
import review from './review';
import roles from './roles';
import seed from './seed';
import slugs from './slugs';
import snapshot from './snapshot';
import taxonomy from './taxonomy';

export default {
  'delivery-worker': deliveryWorker,
  'editor-labels': editorLabels,
  journal,
  'media-guard': mediaGuard,
  outbox,
  'published-clauses': publishedClauses,
  'record-reader': recordReader,
  review,
  roles,
  seed,
  slugs,
  snapshot,
  taxonomy,
};
