/**
 * Signed publish events through the outbox, as a build hook sees them: a receiver on
 * 127.0.0.1 checks every request with the shared verifier and records what it got.
 */
import { bootWithReceiver } from './outbox/receiver';
import { eventsAndDelivery } from './outbox/events';
import { deadLettersAndAdminApi } from './outbox/dead-letters';
import { severalInstances } from './outbox/instances';

bootWithReceiver();
eventsAndDelivery();
deadLettersAndAdminApi();
severalInstances();
