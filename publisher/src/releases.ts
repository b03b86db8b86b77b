/**
 * Releases: each build in a directory of its own under `releases/`, and `live`, a symbolic
 * link to the one being served. Switching is a rename of a fresh link over `live`, atomic
 * on POSIX file systems, so a reader sees the old release or the new one, never a mix.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readlink, rename, rm, symlink } from 'node:fs/promises';
import path from 'node:path';

export class Releases {
  readonly root: string;
  /** Serve files from here: it always resolves to the live release. */
  readonly livePath: string;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'releases');
    this.livePath = path.join(dataDir, 'live');
  }

  /** A new, time-ordered release id (sortable, filesystem-safe). */
  newId(now = new Date()): string {
    return `${now.toISOString().replace(/[-:.]/g, '').replace('T', '-')}-${randomBytes(2).toString('hex')}`;
  }

  dir(id: string): string {
    return path.join(this.root, id);
  }

  async list(): Promise<string[]> {
    await mkdir(this.root, { recursive: true });
    return (await readdir(this.root)).sort();
  }

  async live(): Promise<string | null> {
    try {
      return path.basename(await readlink(this.livePath));
    } catch {
      return null;
    }
  }

  async activate(id: string): Promise<void> {
    const temporary = `${this.livePath}.${randomBytes(4).toString('hex')}`;
    await symlink(path.relative(path.dirname(this.livePath), this.dir(id)), temporary);
    await rename(temporary, this.livePath);
  }

  /** Keeps the newest `keep` releases and the live one; removes the rest (and failed builds). */
  async prune(keep: number): Promise<string[]> {
    const live = await this.live();
    const all = await this.list();
    const keepers = new Set([...all.slice(-keep), ...(live ? [live] : [])]);
    const removed = all.filter((id) => !keepers.has(id));
    for (const id of removed) await rm(this.dir(id), { recursive: true, force: true });
    return removed;
  }

  /** Goes back to `id`, or to the release before the live one. */
  async rollback(id?: string): Promise<string> {
    const all = await this.list();
    const live = await this.live();
    const target = id ?? all.filter((candidate) => live === null || candidate < live).at(-1);
    if (!target || !all.includes(target)) throw new Error(id ? `no release ${id}` : 'no earlier release to roll back to');
    await this.activate(target);
    return target;
  }
}
