import outbox from './outbox';
import review from './review';
import snapshot from './snapshot';
import undelivered from './undelivered';

export default { outbox, review, snapshot, undelivered };
