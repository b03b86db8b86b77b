/**
 * Peak resident memory of a process and everything it starts (Astro starts Pagefind),
 * sampled from /proc; and the phase boundaries a build announces on its output.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const list = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (list) children.push(...list.split(/\s+/).map(Number));
    }
  } catch {
    // the process has exited
  }
  return children;
}

function rssBytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export function treeRss(pid: number): number {
  return rssBytes(pid) + childrenOf(pid).reduce((sum, child) => sum + treeRss(child), 0);
}

export interface PhaseMeasure {
  seconds: number;
  peakRssBytes: number;
}

export interface RunResult {
  ok: boolean;
  output: string;
  phases: Record<string, PhaseMeasure>;
}

/**
 * Runs a command and measures it in phases: a phase ends when a line matches its marker
 * (the last phase ends with the process).
 */
export function measure(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; phases: Array<{ name: string; endsAt?: RegExp }> },
): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const phases: Record<string, PhaseMeasure> = {};
    let index = 0;
    let phaseStart = Date.now();
    let peak = 0;
    let output = '';
    const closePhase = () => {
      const phase = options.phases[index];
      if (!phase) return;
      phases[phase.name] = { seconds: (Date.now() - phaseStart) / 1000, peakRssBytes: peak };
      index += 1;
      phaseStart = Date.now();
      peak = 0;
    };
    const sampler = setInterval(() => {
      if (child.pid) peak = Math.max(peak, treeRss(child.pid));
    }, 100);
    const read = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output += text;
      if (output.length > 200_000) output = output.slice(-100_000);
      for (const line of text.split('\n')) {
        const marker = options.phases[index]?.endsAt;
        if (marker?.test(line)) closePhase();
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('close', (code) => {
      clearInterval(sampler);
      while (index < options.phases.length) closePhase();
      resolve({ ok: code === 0, output, phases });
    });
  });
}

/** CPU seconds (user and system) a process and everything it starts have used, its reaped children's included. */
export function treeCpuSeconds(pid: number): number {
  let ticks = 0;
  try {
    // Fields after the command's closing parenthesis: utime, stime, cutime, cstime are the 12th to 15th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    ticks = fields.slice(11, 15).reduce((sum, field) => sum + Number(field), 0);
  } catch {
    return 0;
  }
  // Linux counts in USER_HZ, 100 a second on every architecture Node runs on.
  return ticks / 100 + childrenOf(pid).reduce((sum, child) => sum + treeCpuSeconds(child), 0);
}
