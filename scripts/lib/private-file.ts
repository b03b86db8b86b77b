import { chmodSync, renameSync, writeFileSync } from 'node:fs';

/**
 * Writes `text` to `file`, readable by its owner only: written whole beside it, then renamed
 * over it, so a failure half-way never leaves a file missing what it held.
 */
export function writePrivateFile(file: string, text: string): void {
  const partial = `${file}.partial-${process.pid}`;
  writeFileSync(partial, text, { mode: 0o600 });
  renameSync(partial, file);
  // A mode given when writing applies only to a file being created.
  chmodSync(file, 0o600);
}
