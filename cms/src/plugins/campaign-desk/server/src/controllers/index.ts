import moderation from './moderation';
import outbox from './outbox';
import participation from './participation';
import review from './review';
import snapshot from './snapshot';

export default { moderation, outbox, participation, review, snapshot };
