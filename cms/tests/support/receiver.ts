/** A build hook on 127.0.0.1: checks each request with the shared verifier and records it. */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEventVerifier, type PublishEvent, type VerifyResult } from '@campaign-desk/shared';

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  result: VerifyResult;
}

export interface Receiver {
  url: string;
  secret: string;
  /** Every request, in order of arrival; a second delivery of an event is a `replay`. */
  requests: ReceivedRequest[];
  /** The events that passed verification. */
  accepted(): PublishEvent[];
  /** Stops listening, so deliveries meet a refused connection. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  /** Keeps requests waiting until `release(waiting)` is true, e.g. to see two workers overlap. */
  holdUntil(release: (waiting: number) => boolean): void;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const secret = randomBytes(24).toString('hex');
  const verifier = createEventVerifier({ secret });
  const requests: ReceivedRequest[] = [];
  let hold: { release: (waiting: number) => boolean; waiting: Array<() => void> } | null = null;

  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const result = await verifier.verify({ rawBody: Buffer.concat(chunks), headers: request.headers });
    requests.push({ headers: request.headers, result });
    if (hold) {
      const current = hold;
      await new Promise<void>((resolve) => {
        current.waiting.push(resolve);
        if (current.release(current.waiting.length)) {
          hold = null;
          for (const go of current.waiting) go();
        }
      });
    }
    // A replay is answered like a success, as a real receiver would: it has the event already.
    response.writeHead(result.ok || result.reason === 'replay' ? 200 : 401).end();
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  const close = () =>
    new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      // Kept-alive connections would otherwise still reach the closed server.
      server.closeAllConnections();
    });

  await listen(0);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/publish`,
    secret,
    requests,
    accepted: () => requests.flatMap(({ result }) => (result.ok ? [result.event] : [])),
    down: close,
    up: () => listen(port),
    holdUntil(release) {
      hold = { release, waiting: [] };
    },
    close: async () => {
      if (server.listening) await close();
    },
  };
}
