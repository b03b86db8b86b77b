import desk from './desk';
import moderation from './moderation';
import outbox from './outbox';
import participation from './participation';
import partner from './partner';
import partnerTokens from './partner-tokens';
import review from './review';
import snapshot from './snapshot';
import statistics from './statistics';
import undelivered from './undelivered';

export default { desk, moderation, outbox, participation, partner, 'partner-tokens': partnerTokens, review, snapshot, statistics, undelivered };
