/**
 * The publisher with the real renderer, reading a stand-in of the snapshot API: the hook,
 * whole and incremental builds, what may fail without harm, and how releases are served.
 * One publisher for the file (publisher/system.ts); each subject in a module of publisher/.
 */
import { builds } from './publisher/builds';
import { controlServer } from './publisher/control-server';
import { serving } from './publisher/serving';
import { bootPublisher } from './publisher/system';

bootPublisher();
controlServer();
builds();
serving();
