/**
 * Releases: each build a release under `releases/`, and `live`, a symbolic link to the one
 * being served. Switching is a rename of a fresh link over `live`, atomic on POSIX file
 * systems, so a reader sees the old release or the new one, never a mix.
 *
 * A release is a link to the root of a tree of immutable directories (release-trees.ts):
 * one built on another shares every directory its change did not touch, so a publish costs
 * what it changed, not the size of the site. A release is written as `<id>.partial` (a
 * plain directory of the files it adds) and takes its name only once its checks passed, so
 * a build that failed or was killed leaves nothing that listing, pruning or rolling back
 * could pick.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readlink, rename, rm, symlink, unlink } from 'node:fs/promises';
import path from 'node:path';
import { TreeStore } from './release-trees';

const PARTIAL = '.partial';

/** What a release adds to the one it is built on (none: a whole release), and what it leaves out of it. */
export type ReleaseChange = { basis: string | null; files: string[]; dropped: string[] };

export class Releases {
  readonly root: string;
  /** Serve files from here: it always resolves to the live release. */
  readonly livePath: string;
  private readonly trees: TreeStore;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'releases');
    this.livePath = path.join(dataDir, 'live');
    this.trees = new TreeStore(path.join(dataDir, 'trees'), path.join(dataDir, 'manifests'));
  }

  /** A new, time-ordered release id (sortable, filesystem-safe). */
  newId(now = new Date()): string {
    return `${now.toISOString().replace(/[-:.]/g, '').replace('T', '-')}-${randomBytes(2).toString('hex')}`;
  }

  dir(id: string): string {
    return path.join(this.root, id);
  }

  /** Where a release's new files are written before it has passed its checks. */
  partialDir(id: string): string {
    return `${this.dir(id)}${PARTIAL}`;
  }

  /** Finished releases, oldest first. */
  async list(): Promise<string[]> {
    await mkdir(this.root, { recursive: true });
    return (await readdir(this.root)).filter((name) => !name.endsWith(PARTIAL) && !name.startsWith('.')).sort();
  }

  async live(): Promise<string | null> {
    try {
      return path.basename(await readlink(this.livePath));
    } catch {
      return null;
    }
  }

  /**
   * A release passed its checks: its files become trees (all of them for a whole release; for
   * one built on another, those of the directories it changed) and it takes its name.
   */
  async finish(id: string, change: ReleaseChange): Promise<void> {
    const staged = this.partialDir(id);
    let derived;
    if (change.basis === null) derived = await this.trees.ingest(staged);
    else {
      const [root, manifest] = await Promise.all([this.rootOf(change.basis), this.trees.manifest(change.basis)]);
      if (root === null || manifest === null) throw new Error(`release ${change.basis} is not a tree of this store; build whole`);
      derived = await this.trees.derive({ root, manifest }, staged, change.files, change.dropped);
      await rm(staged, { recursive: true, force: true });
    }
    await this.trees.writeManifest(id, derived.manifest);
    await symlink(path.relative(this.root, this.trees.dir(derived.root)), this.dir(id));
  }

  /** The root tree of a release, or null for one that is a plain directory (made before trees). */
  private async rootOf(id: string): Promise<string | null> {
    try {
      return path.basename(await readlink(this.dir(id)));
    } catch {
      return null;
    }
  }

  /** Removes what builds that failed or were killed left behind, trees no release uses included. */
  async discardPartials(): Promise<void> {
    await mkdir(this.root, { recursive: true });
    for (const name of (await readdir(this.root)).filter((candidate) => candidate.endsWith(PARTIAL))) {
      await rm(path.join(this.root, name), { recursive: true, force: true });
    }
    const used = new Set<string>();
    for (const release of await this.list()) for (const id of (await this.trees.manifest(release)) ?? []) used.add(id);
    await this.trees.remove((await this.trees.all()).filter((id) => !used.has(id)));
  }

  async activate(id: string): Promise<void> {
    const temporary = `${this.livePath}.${randomBytes(4).toString('hex')}`;
    await symlink(path.relative(path.dirname(this.livePath), this.dir(id)), temporary);
    await rename(temporary, this.livePath);
  }

  /** Keeps the newest `keep` releases and the live one; removes the rest, and the trees only they used. */
  async prune(keep: number): Promise<string[]> {
    const live = await this.live();
    const all = await this.list();
    const keepers = new Set([...all.slice(-keep), ...(live ? [live] : [])]);
    const removed = all.filter((id) => !keepers.has(id));
    if (removed.length === 0) return removed;
    const used = new Set<string>();
    for (const id of keepers) for (const tree of (await this.trees.manifest(id)) ?? []) used.add(tree);
    const unused = new Set<string>();
    for (const id of removed) {
      const manifest = await this.trees.manifest(id);
      if (manifest === null) {
        // A release made before trees: a directory of its own.
        await rm(this.dir(id), { recursive: true, force: true });
        continue;
      }
      for (const tree of manifest) if (!used.has(tree)) unused.add(tree);
      await unlink(this.dir(id));
    }
    await this.trees.remove([...unused]);
    for (const id of removed) await this.trees.dropManifest(id);
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
