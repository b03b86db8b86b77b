import outbox from './outbox';
import review from './review';
import snapshot from './snapshot';

export default { outbox, review, snapshot };
