import desk from './desk';
import moderation from './moderation';
import outbox from './outbox';
import participation from './participation';
import partner from './partner';
import partnerTokens from './partner-tokens';
import notices from '../notices/controller';
import review from './review';
import reviewQueue from '../review-queue/controller';
import snapshot from './snapshot';
import statistics from './statistics';
import undelivered from './undelivered';

export default { desk, moderation, outbox, participation, partner, 'partner-tokens': partnerTokens, notices, review, 'review-queue': reviewQueue, snapshot, statistics, undelivered };
