import desk from './desk';
import outbox from './outbox';
import partner from './partner';
import partnerTokens from './partner-tokens';
import review from './review';
import snapshot from './snapshot';
import statistics from './statistics';
import undelivered from './undelivered';

export default { desk, outbox, partner, 'partner-tokens': partnerTokens, review, snapshot, statistics, undelivered };
