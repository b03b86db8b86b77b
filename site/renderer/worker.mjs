// @ts-check
/**
 * The renderer's worker thread: loads the compiled site (its server entry exports the
 * runtime, see src/render/runtime.ts) and runs what the host asks of it, one message at a
 * time. Plain JavaScript, so it starts under any loader (tsx, vitest, plain node).
 */
import { parentPort, workerData } from 'node:worker_threads';

const METHODS = new Set(['sync', 'commit', 'reset', 'render', 'preview', 'searchShard']);
const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
const { site } = await import(workerData.entry);

port.on('message', async (/** @type {{ id: number; method: string; args: unknown[] }} */ { id, method, args }) => {
  try {
    if (!METHODS.has(method)) throw new Error(`unknown renderer method ${method}`);
    const result = await site[method](...args);
    // Rendered bodies move to the host rather than being copied.
    const transfer = method === 'render' ? result.map((/** @type {{ body: Uint8Array }} */ file) => file.body.buffer) : [];
    port.postMessage({ id, result }, transfer);
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    port.postMessage({ id, error: { message: failure.message, stack: failure.stack } });
  }
});
port.postMessage({ ready: true });
