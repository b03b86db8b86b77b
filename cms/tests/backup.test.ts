/**
 * A backup restores exactly: a seeded campaign with stories in every review stage, reviewed by
 * real accounts, with an upload, publish events in several delivery states and the site's
 * token, is backed up (`pnpm backup`'s code), restored into a fresh SQLite and a fresh
 * PostgreSQL database (`pnpm restore`'s code), booted again, and compared.
 */
import { bootSource } from './backup/source';
import { sourceAndRestores } from './backup/restore';

bootSource();
sourceAndRestores();
