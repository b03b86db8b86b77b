/**
 * The publisher's memory of its builds: the last one, the last that went live and the recent
 * ones, kept on disk so the status survives a restart.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { BuildRecord } from './build-run';

export type BuildHistoryState = { lastBuild: BuildRecord | null; lastSuccess: BuildRecord | null; recent: BuildRecord[]; builds: number };

/** Builds kept in the status. */
const RECENT = 20;

export class BuildHistory {
  state: BuildHistoryState = { lastBuild: null, lastSuccess: null, recent: [], builds: 0 };

  constructor(
    private readonly file: string,
    private readonly log: (line: string) => void,
  ) {}

  /** The history a previous run left, if any. */
  async load(): Promise<void> {
    try {
      this.state = { ...this.state, ...JSON.parse(await readFile(this.file, 'utf8')) };
    } catch {
      // first run
    }
  }

  /** Keeps a build's record in the status, and on disk so the last builds survive a restart. */
  async record(record: BuildRecord): Promise<void> {
    this.state = {
      lastBuild: record,
      lastSuccess: record.ok ? record : this.state.lastSuccess,
      recent: [record, ...this.state.recent].slice(0, RECENT),
      builds: this.state.builds + 1,
    };
    try {
      await writeFile(this.file, `${JSON.stringify(this.state, null, 2)}\n`);
    } catch (failure) {
      this.log(`could not save the publisher's state: ${(failure as Error).message}`);
    }
  }
}
