/** Child processes of the deployment test, each in a process group of its own, stopped by PID. */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { signalGroup } from '@campaign-desk/publisher/process';

export interface Managed {
  child: ChildProcess;
  /** The last 20,000 characters it wrote. */
  output(): string;
  /** Stops it with `signal`, then kills what is left of its group after `graceMs`. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

function manage(child: ChildProcess): Managed {
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  );
  // Should the test process end first, nothing it started lives on.
  const orphaned = () => signalGroup(child.pid!, 'SIGKILL');
  process.once('exit', orphaned);
  void exited.then(() => process.off('exit', orphaned));
  return {
    child,
    output: () => output,
    async stop(signal = 'SIGTERM', graceMs = 15_000) {
      if (child.pid === undefined) return;
      signalGroup(child.pid, signal);
      const timer = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
      await Promise.race([exited, timer]);
      signalGroup(child.pid, 'SIGKILL');
      await exited;
    },
  };
}

export function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv): Managed {
  return manage(spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true }));
}

export function forkProcess(module: string, env: NodeJS.ProcessEnv): Managed {
  return manage(fork(module, [], { env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], detached: true }));
}

/** The next IPC message of `child` that holds `key`; an error message, or its exit, rejects. */
export function messageOf<T>(managed: Managed, key: string, timeoutMs = 240_000): Promise<T> {
  const { child } = managed;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`no ${key} within ${timeoutMs} ms:\n${managed.output()}`)), timeoutMs);
    const onMessage = (message: Record<string, unknown>) => {
      if (key in message) finish(null, message[key] as T);
      else if ('error' in message) finish(new Error(String(message.error)));
    };
    const onExit = (code: number | null) => finish(new Error(`exited (${code}) before ${key}:\n${managed.output()}`));
    function finish(error: Error | null, value?: T) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(value as T);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}
