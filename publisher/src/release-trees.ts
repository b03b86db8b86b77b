/**
 * Releases as trees of immutable directories, as git keeps trees: each directory of a
 * release is a directory of its own under `trees/<id>/`, holding its files and, for each
 * subdirectory, a relative symbolic link to that subdirectory's tree (`stories -> ../<id>`).
 * A release built on another writes new trees only for the directories its change touches
 * (and their parents up to the root), each a copy of the old one's entries (links, not
 * contents) with the change applied, and shares every other tree as it is. Nothing is ever
 * written into a tree after it is made, so releases sharing it never see each other's
 * changes; any web server that follows symbolic links (nginx does by default) serves a
 * release as the directory it resolves to.
 *
 * Each release lists the trees it uses (its manifest); pruning removes the trees that only
 * the pruned releases used.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, readlink, rename, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** Trees removed by one `rm` process. */
const RM_BATCH = 500;

export type Derived = { root: string; made: string[]; manifest: Set<string> };

export class TreeStore {
  constructor(
    readonly root: string,
    private readonly manifests: string,
  ) {}

  dir(id: string): string {
    return path.join(this.root, id);
  }

  private newId(): string {
    return randomBytes(8).toString('hex');
  }

  /** The trees a release uses, or null for a release without a manifest. */
  async manifest(release: string): Promise<Set<string> | null> {
    try {
      return new Set((await readFile(path.join(this.manifests, release), 'utf8')).split('\n').filter(Boolean));
    } catch {
      return null;
    }
  }

  async writeManifest(release: string, trees: Set<string>): Promise<void> {
    await mkdir(this.manifests, { recursive: true });
    const file = path.join(this.manifests, release);
    await writeFile(`${file}.tmp`, [...trees].join('\n'));
    await rename(`${file}.tmp`, file);
  }

  async dropManifest(release: string): Promise<void> {
    await rm(path.join(this.manifests, release), { force: true });
  }

  /**
   * Makes a plain directory (a whole release, written out) into trees, deepest first: each
   * subdirectory moves into the store and a link to it takes its place. Answers the root.
   */
  async ingest(dir: string): Promise<Derived> {
    await mkdir(this.root, { recursive: true });
    const made: string[] = [];
    const move = async (from: string): Promise<string> => {
      const entries = await readdir(from, { withFileTypes: true });
      await Promise.all(
        entries
          .filter((entry) => entry.isDirectory())
          .map(async (entry) => {
            const child = path.join(from, entry.name);
            const id = await move(child);
            await symlink(`../${id}`, child);
          }),
      );
      const id = this.newId();
      await rename(from, this.dir(id));
      made.push(id);
      return id;
    };
    const root = await move(dir);
    return { root, made, manifest: new Set(made) };
  }

  /** The tree a subdirectory link of tree `parent` points to, or null when there is none. */
  private async child(parent: string, name: string): Promise<string | null> {
    try {
      const target = await readlink(path.join(this.dir(parent), name));
      return target.startsWith('../') ? target.slice(3) : null;
    } catch {
      return null;
    }
  }

  /** Every tree under `id`, itself included (the trees a dropped directory used). */
  private async subtree(id: string): Promise<string[]> {
    const entries = await readdir(this.dir(id), { withFileTypes: true });
    const children = await Promise.all(
      entries
        .filter((entry) => entry.isSymbolicLink())
        .map(async (entry) => {
          const child = await this.child(id, entry.name);
          return child ? this.subtree(child) : [];
        }),
    );
    return [id, ...children.flat()];
  }

  /**
   * A new root from `basis`: the files under `staged` (paths relative to it) moved in, the
   * entries `dropped` (files or directories, relative to the release) left out. Only the
   * directories holding a staged file or a dropped entry, and their parents, get new trees.
   */
  async derive(basis: { root: string; manifest: Set<string> }, staged: string, files: string[], dropped: string[]): Promise<Derived> {
    const parentOf = (dir: string) => (dir === '' ? null : path.dirname(dir) === '.' ? '' : path.dirname(dir));
    const dirOf = (file: string) => parentOf(file)!;
    const droppedSet = new Set(dropped);
    const isDropped = (dir: string): boolean => {
      for (let at: string | null = dir; at !== null && at !== ''; at = parentOf(at)) if (droppedSet.has(at)) return true;
      return false;
    };
    // Every directory that changes: those holding a staged file or a dropped entry, and their parents.
    const changed = new Set<string>();
    for (const dir of [...files.map(dirOf), ...dropped.map(dirOf)]) {
      for (let at: string | null = dir; at !== null && !changed.has(at); at = parentOf(at)) changed.add(at);
    }
    const depth = (dir: string) => (dir === '' ? 0 : dir.split('/').length);
    const ordered = [...changed].sort((a, b) => depth(a) - depth(b));

    // The tree each changed directory had in the basis (none if new, or under a dropped one).
    const old = new Map<string, string | null>();
    for (const dir of ordered) {
      const parent = dir === '' ? null : old.get(parentOf(dir)!);
      old.set(dir, dir === '' ? basis.root : parent && !isDropped(dir) ? await this.child(parent, path.basename(dir)) : null);
    }
    const fresh = new Map(ordered.map((dir) => [dir, this.newId()] as const));
    const manifest = new Set(basis.manifest);
    for (const id of old.values()) if (id) manifest.delete(id);
    // The trees of dropped directories are no longer used (a tree is never used twice within a release).
    for (const entry of dropped) {
      const parent = old.get(dirOf(entry));
      const tree = parent ? await this.child(parent, path.basename(entry)) : null;
      if (tree) for (const id of await this.subtree(tree)) manifest.delete(id);
    }

    // The copies: each changed directory's old entries, as links, into its new tree (one cp for all).
    const copies = ordered.filter((dir) => old.get(dir));
    await mkdir(this.root, { recursive: true });
    const scratch = path.join(this.root, `.copy-${this.newId()}`);
    await mkdir(scratch);
    try {
      if (copies.length > 0)
        await run('cp', ['-al', '--', ...copies.map((dir) => this.dir(old.get(dir)!)), scratch], { maxBuffer: 1 << 20 });
      await Promise.all(
        ordered.map(async (dir) => {
          const target = this.dir(fresh.get(dir)!);
          const copied = old.get(dir);
          if (copied) await rename(path.join(scratch, copied), target);
          else await mkdir(target);
        }),
      );
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
    const inTree = (entry: string) => path.join(this.dir(fresh.get(dirOf(entry))!), path.basename(entry));
    await Promise.all(
      dropped.filter((entry) => changed.has(dirOf(entry))).map((entry) => rm(inTree(entry), { recursive: true, force: true })),
    );
    // A staged file replaces what the copy held under its name (in the new tree only: the old one keeps its own link).
    await Promise.all(files.map((file) => rename(path.join(staged, file), inTree(file))));
    // Deepest first, each directory is linked from its parent's new tree, or left out if it is now empty (a withdrawn story's).
    for (const level of [...new Set(ordered.map(depth))].filter((at) => at > 0).sort((a, b) => b - a)) {
      await Promise.all(
        ordered
          .filter((dir) => depth(dir) === level)
          .map(async (dir) => {
            const link = inTree(dir);
            await unlink(link).catch(() => {});
            if ((await readdir(this.dir(fresh.get(dir)!))).length > 0) await symlink(`../${fresh.get(dir)!}`, link);
            else {
              await rm(this.dir(fresh.get(dir)!), { recursive: true });
              fresh.delete(dir);
            }
          }),
      );
    }
    const made = [...fresh.values()];
    for (const id of made) manifest.add(id);
    return { root: fresh.get('')!, made, manifest };
  }

  /** Removes trees (those no kept release uses). */
  async remove(ids: string[]): Promise<void> {
    // One rm process per batch, not Node's recursive rm: its calls, one per file, would queue on libuv's thread pool ahead of the next build's.
    for (let start = 0; start < ids.length; start += RM_BATCH) {
      await run('rm', ['-rf', '--', ...ids.slice(start, start + RM_BATCH).map((id) => this.dir(id))]);
    }
  }

  /** Every tree in the store. */
  async all(): Promise<string[]> {
    try {
      return (await readdir(this.root)).filter((name) => !name.startsWith('.'));
    } catch {
      return [];
    }
  }
}
