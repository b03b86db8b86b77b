/**
 * Sends outbox events to the build hooks: claims due deliveries, POSTs each event signed
 * with its hook's secret, and records the outcome. It polls (retries come due, other
 * instances enqueue) and is kicked when a commit enqueued something, so a publish goes
 * out at once. Delivery is at least once: a receiver dedupes by the event id.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Core } from '@strapi/strapi';
import { EVENT_ID_HEADER, signEvent } from '@campaign-desk/shared';
import { pluginConfig } from '../../config/read';
import outboxService, { type ClaimedDelivery } from './outbox';
import { defineService, getService } from '../../utils';

const RESPONSE_EXCERPT_LENGTH = 200;

/** `fetch failed: ECONNREFUSED` rather than just `fetch failed`. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${(error.cause as NodeJS.ErrnoException).code ?? error.cause.message}` : '';
  return `${error.message}${cause}`;
}

export default defineService('delivery-worker', ({ strapi }: { strapi: Core.Strapi }) => {
  const outbox = () => getService(strapi, outboxService);
  const settings = () => pluginConfig(strapi);
  /** Names this instance in `claimedBy`, so its claims (and who delivered what) can be told apart. */
  const workerId = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

  let started = false;
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<void> | undefined;
  let again = false;

  /** Posts one event; resolves to the reason it failed, or null when the hook took it. */
  async function post(delivery: ClaimedDelivery): Promise<string | null> {
    const hook = settings().buildHooks.find((candidate) => candidate.name === delivery.hook)!;
    const body = JSON.stringify(delivery.event);
    try {
      const response = await fetch(hook.url, {
        method: 'POST',
        body,
        headers: {
          'Content-Type': 'application/json',
          [EVENT_ID_HEADER]: delivery.event.id,
          ...(await signEvent(body, hook.secret)),
        },
        // A redirected POST would be re-sent somewhere else: a hook must answer itself.
        redirect: 'manual',
        signal: AbortSignal.timeout(settings().outbox.requestTimeoutMs),
      });
      const text = await response.text();
      if (response.ok) return null;
      return `HTTP ${response.status}${text ? `: ${text.slice(0, RESPONSE_EXCERPT_LENGTH)}` : ''}`;
    } catch (error) {
      return describe(error);
    }
  }

  /** Never throws: an outcome that cannot be recorded is retried once the lease runs out. */
  async function deliver(delivery: ClaimedDelivery): Promise<void> {
    const error = await post(delivery);
    try {
      if (error === null) await outbox().delivered(delivery, workerId);
      else await outbox().attemptFailed(delivery, workerId, error);
    } catch (failure) {
      strapi.log.error(`[campaign-desk] outbox delivery ${delivery.event.id} → ${delivery.hook}: ${describe(failure)}`);
    }
  }

  /** Claims and sends batches until nothing more is due. */
  async function drain(): Promise<void> {
    const { batchSize, requestTimeoutMs } = settings().outbox;
    // A batch is sent in parallel, each request bounded by the timeout; the lease outlasts it.
    const leaseMs = 2 * requestTimeoutMs + 5_000;
    do {
      again = false;
      const batch = await outbox().claim(workerId, batchSize, leaseMs);
      await Promise.all(batch.map(deliver));
      if (batch.length === batchSize) again = true;
    } while (again && started);
  }

  function run(): void {
    if (!started) return;
    if (pass) {
      again = true;
      return;
    }
    clearTimeout(timer);
    pass = drain()
      .catch((error: unknown) => {
        strapi.log.error(`[campaign-desk] outbox delivery: ${describe(error)}`);
      })
      .finally(() => {
        pass = undefined;
        // A kick that came as the last batch finished is not left for the next poll.
        if (again) run();
        else if (started) timer = setTimeout(run, settings().outbox.pollIntervalMs).unref();
      });
  }

  return {
    id: workerId,

    /** Starts delivering, beginning with whatever was left pending; nothing to do without hooks. */
    start(): void {
      const hooks = settings().buildHooks;
      if (started || hooks.length === 0) return;
      started = true;
      outbox().whenQueued(run);
      strapi.log.info(`[campaign-desk] delivering publish events to ${hooks.map((hook) => hook.name).join(', ')}`);
      run();
    },

    /** Stops polling and waits for the deliveries in flight to be recorded. */
    async stop(): Promise<void> {
      started = false;
      clearTimeout(timer);
      await pass;
    },
  };
});
