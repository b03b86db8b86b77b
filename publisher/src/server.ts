/**
 * The publisher's HTTP face: the signed build hook, `/status`, and, for the demo, the live
 * release itself (in production any web server or CDN can serve `live/`; see README).
 */
import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { createEventVerifier, type ReplayStore } from '@campaign-desk/shared';
import { contentType } from '@campaign-desk/site/renderer';
import type { Publisher } from './publisher';

export interface ServerOptions {
  publisher: Publisher;
  hookSecret: string;
  /** Event ids already accepted; in memory unless given. */
  replayStore?: ReplayStore;
  logger?: boolean;
}

function cacheControl(file: string): string {
  // Astro fingerprints everything under _astro/: it never changes under the same name.
  if (file.includes(`${path.sep}_astro${path.sep}`)) return 'public, max-age=31536000, immutable';
  if (file.endsWith('.html')) return 'public, max-age=0, must-revalidate';
  return 'public, max-age=300';
}

export async function createServer({ publisher, hookSecret, replayStore, logger = false }: ServerOptions): Promise<FastifyInstance> {
  // Stopping the publisher closes its connections rather than waiting on idle readers.
  const app = Fastify({ logger, forceCloseConnections: true });
  const verifier = createEventVerifier({ secret: hookSecret, ...(replayStore ? { seen: replayStore } : {}) });
  const live = publisher.releases.livePath;

  await app.register(async (hooks) => {
    // The signature covers the body byte for byte: keep it raw.
    hooks.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    hooks.post('/hooks/publish', async (request, reply) => {
      const verdict = await verifier.verify({ rawBody: String(request.body ?? ''), headers: request.headers });
      if (!verdict.ok) return reply.code(401).send({ error: verdict.reason, message: verdict.message });
      const { event } = verdict;
      publisher.request(`${event.type} ${event.recordType} ${event.slug ?? event.documentId}`);
      return reply.code(202).send({ accepted: event.id });
    });
  });

  app.get('/status', async (_request, reply) => reply.header('cache-control', 'no-store').send(await publisher.status()));

  await app.register(fastifyStatic, {
    root: live,
    wildcard: true,
    // Releases carry .br and .gz copies of their text files (see precompress.ts).
    preCompressed: true,
    redirect: true,
    cacheControl: false,
    etag: true,
    lastModified: true,
    setHeaders(response, file) {
      response.header('content-type', contentType(file));
      response.header('cache-control', cacheControl(file));
    },
  });

  app.setNotFoundHandler((_request, reply) => {
    const page = path.join(live, '404.html');
    if (!existsSync(page)) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    return reply.code(404).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(createReadStream(page));
  });

  return app;
}
