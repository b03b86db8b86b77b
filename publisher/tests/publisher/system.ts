/** The one publisher the subject modules of publisher.test.ts share: started once for the file, with the real renderer, reading a stand-in of the snapshot API. */
import { afterAll, beforeAll, expect } from 'vitest';
import { fixtureRecords, startSystem, type Records, type System } from '../support/system';

export let system: System;
export let records: Records;
export const story = (slug: string) => records.find((record) => record.type === 'story' && record.slug === slug)!;
export const send = (body: string, headers: Record<string, string>) =>
  fetch(`${system.control}/hooks/publish`, { method: 'POST', headers, body });

export function bootPublisher(): void {
  beforeAll(async () => {
    records = fixtureRecords();
    system = await startSystem({ records });
    const first = await system.build('start-up');
    expect(first.lastBuild).toMatchObject({ ok: true, mode: 'whole' });
  });
  afterAll(async () => {
    await system?.stop();
  });
}

/** Stops the publisher, keeping its data directory, and starts a new one on it (a restart after a crash). */
export async function restartPublisher(): Promise<void> {
  await system.stop({ remove: false });
  system = await startSystem({ records, dataDir: system.dataDir });
}
