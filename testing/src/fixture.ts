/**
 * The committed snapshot of the seeded campaign (the plan's data and the sample stories,
 * no images), as the snapshot API serves it: the content the site's and the publisher's
 * tests build.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FIXTURE_FILE = fileURLToPath(new URL('../fixtures/snapshot.json', import.meta.url));

export type SnapshotPage = {
  records: Array<Record<string, any>>;
  tombstones: Array<{ type: string; documentId: string }>;
  cursor: string;
  hasMore: boolean;
};

/** A fresh copy of the fixture, to change at will. */
export function readFixture(): SnapshotPage {
  return JSON.parse(readFileSync(FIXTURE_FILE, 'utf8'));
}
