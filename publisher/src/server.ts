/**
 * The publisher's two HTTP faces. The site server serves the live release, and drafts'
 * previews rendered on request (preview.ts; in production any web server or CDN can serve the
 * release instead, passing `_preview/` here; see docs/operator/publisher.md). The control server,
 * for the CMS and the newsroom's operators, takes the signed build hook and answers
 * `/status` to holders of the publisher's token: it names internal paths and records, and
 * says whether the CMS holds publish events it has not delivered.
 */
import { timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { SiteAddress, createEventVerifier, type ReplayStore } from '@campaign-desk/shared';
import { contentType } from '@campaign-desk/site/renderer';
import { registerPreview, type PreviewOptions } from './preview';
import type { Publisher, PublisherStatus } from './publisher';
import type { CmsDeliveries, UndeliveredEvents } from './undelivered';

/** A publish event is a few hundred bytes; anything much larger is not one. */
export const HOOK_BODY_LIMIT = 16 * 1024;

function cacheControl(file: string): string {
  // Astro fingerprints everything under _astro/, and an image copy's name is its source's hash.
  if (file.includes(`${path.sep}_astro${path.sep}`) || file.includes(`${path.sep}media${path.sep}`))
    return 'public, max-age=31536000, immutable';
  // A precompressed copy (page.html.br) is cached as what it holds.
  if (file.replace(/\.(br|gz)$/, '').endsWith('.html')) return 'public, max-age=0, must-revalidate';
  return 'public, max-age=300';
}

/**
 * Serves the live release under the path of SITE_URL (`/`, or a portal's `/zt/liuda/`), as the
 * site's own links expect: its files, `404.html` for anything else, precompressed copies where
 * accepted.
 */
export async function createSiteServer({
  publisher,
  siteUrl,
  preview,
  logger = false,
}: {
  publisher: Publisher;
  siteUrl: string;
  /** Drafts' previews (preview.ts), rendered on request; none unless given. */
  preview?: PreviewOptions;
  logger?: boolean;
}): Promise<FastifyInstance> {
  // Stopping the publisher closes its connections rather than waiting on idle readers.
  const app = Fastify({ logger, forceCloseConnections: true });
  const live = publisher.releases.livePath;
  // @fastify/static types a precompressed copy by its own table (feed.json.br → application/json);
  // the site's type is set again once it has.
  const types = new WeakMap<object, string>();
  app.addHook('onSend', async (_request, reply, payload) => {
    const type = types.get(reply);
    if (type) reply.header('content-type', type);
    return payload;
  });
  const { base } = new SiteAddress(siteUrl);
  // The site's root without its last slash (`/zt/liuda`), as a reader may type it.
  if (base !== '/') app.get(base.slice(0, -1), (request, reply) => reply.redirect(`${base}${request.url.slice(base.length - 1)}`, 301));
  if (preview) registerPreview(app, base, publisher, preview);
  await app.register(fastifyStatic, {
    root: live,
    prefix: base,
    wildcard: true,
    // Releases carry .br and .gz copies of their text files (see precompress.ts).
    preCompressed: true,
    redirect: true,
    cacheControl: false,
    etag: true,
    lastModified: true,
    setHeaders(reply, file) {
      types.set(reply, contentType(file));
      reply.header('cache-control', cacheControl(file));
    },
  });
  app.setNotFoundHandler((_request, reply) => {
    const page = path.join(live, '404.html');
    if (!existsSync(page)) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    return reply.code(404).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(createReadStream(page));
  });
  return app;
}

/** What `/status` answers: the publisher's builds and releases, and what the CMS has not delivered. */
export type ControlStatus = PublisherStatus & { cms: CmsDeliveries };

export interface ControlOptions {
  publisher: Publisher;
  /** Asked on each `/status` (briefly cached). */
  undelivered: UndeliveredEvents;
  hookSecret: string;
  /** Bearer token of `/status`. */
  token: string;
  /** Event ids already accepted; in memory unless given. */
  replayStore?: ReplayStore;
  logger?: boolean;
}

function holdsToken(header: string | undefined, token: string): boolean {
  const presented = Buffer.from(/^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

/** The build hook (`POST /hooks/publish`) and `GET /status`. */
export async function createControlServer({
  publisher,
  undelivered,
  hookSecret,
  token,
  replayStore,
  logger = false,
}: ControlOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger, forceCloseConnections: true, bodyLimit: HOOK_BODY_LIMIT });
  const verifier = createEventVerifier({ secret: hookSecret, ...(replayStore ? { seen: replayStore } : {}) });

  // The signature covers the body byte for byte: keep it raw. Events are JSON: any other body
  // type (Fastify's text/plain parser included) is refused with a 415 before it is read.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.post('/hooks/publish', async (request, reply) => {
    const verdict = await verifier.verify({ rawBody: String(request.body ?? ''), headers: request.headers });
    // An event already taken: the CMS retries when our answer was lost, and must stop.
    if (!verdict.ok && verdict.reason === 'replay') return reply.code(200).send({ accepted: null, replay: true });
    if (!verdict.ok) return reply.code(401).send({ error: verdict.reason, message: verdict.message });
    const { event } = verdict;
    publisher.request(`${event.type} ${event.recordType} ${event.slug ?? event.documentId}`);
    return reply.code(202).send({ accepted: event.id });
  });

  app.get('/status', async (request, reply) => {
    if (!holdsToken(request.headers.authorization, token)) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send({ error: 'unauthorized', message: 'the publisher’s token is required' });
    }
    const [status, cms] = await Promise.all([publisher.status(), undelivered.report()]);
    return reply.header('cache-control', 'no-store').send({ ...status, cms } satisfies ControlStatus);
  });
  return app;
}
