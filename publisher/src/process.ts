/**
 * The publisher as a process of its own, for what must run it out of process (the end-to-end
 * tests, which kill it; the benchmark, which measures its memory). It runs as Node with tsx's
 * loader (not tsx's wrapper, so the PID is the publisher's) and in a process group of its own,
 * so stopping the group stops everything it started (Pagefind's indexer, a compile of the
 * site); and should the process that started it end first, the publisher ends with it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { publisherEnvironment } from './config';
import type { ControlStatus } from './server';

const publisherDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export class PublisherProcess {
  private child: ChildProcess | null = null;
  /** The last 20,000 characters it wrote. */
  output = '';

  constructor(private readonly env: Record<string, string>) {}

  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  /** Whether it has been started and has not exited. */
  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** `publisher start`, with `env` over this process's environment, of which it gets its own variables only. */
  start(): void {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(publisherDir, 'src', 'cli.ts'), 'start'], {
      cwd: publisherDir,
      env: publisherEnvironment({ ...process.env, ...this.env }),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const orphaned = () => signalGroup(child.pid!, 'SIGKILL');
    process.once('exit', orphaned);
    child.once('exit', () => process.off('exit', orphaned));
    this.child = child;
  }

  /** Sends `signal` to the publisher's group and waits for the publisher to exit. */
  async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    if (!signalGroup(child.pid!, signal)) return;
    await exited;
    this.child = null;
  }

  /** Kills it outright (and the build it runs), as a crash would. */
  kill(): Promise<void> {
    return this.signal('SIGKILL');
  }

  /** Its `/status` (on the control port and with the token of its environment); null while it is down or starting. */
  status(): Promise<ControlStatus | null> {
    return controlStatus(`http://127.0.0.1:${this.env.PUBLISHER_CONTROL_PORT}`, this.env.PUBLISHER_TOKEN ?? '');
  }

  /** Stops it as an operator would, then makes sure nothing of its group is left. */
  async stop(): Promise<void> {
    const pid = this.pid;
    await this.signal('SIGTERM');
    if (pid !== null) signalGroup(pid, 'SIGKILL');
  }
}

/** A publisher's `/status` at `controlUrl`, read with its token; null while it is down, starting or refusing. */
export async function controlStatus(controlUrl: string, token: string): Promise<ControlStatus | null> {
  try {
    const response = await fetch(`${controlUrl}/status`, { headers: { authorization: `Bearer ${token}` } });
    return response.ok ? ((await response.json()) as ControlStatus) : null;
  } catch {
    return null;
  }
}

/** Signals a process group; false when it is gone. */
export function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}
