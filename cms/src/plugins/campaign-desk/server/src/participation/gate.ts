/**
 * The door of the public route (`/api/campaign-desk/participation/…`), registered on Strapi's
 * Koa app ahead of its own middlewares, so what it turns away costs no body parsing and no
 * session: only the site's origin (CORS preflight answered here; a request from any other
 * Origin, or none, is 403), only the methods and body types the forms use (415 otherwise), a
 * declared body length within the limit (411 without one, 413 over it), and per-address limits
 * (429 with Retry-After), counted in the database every instance shares (one read by primary
 * key to refuse). The address is `client-address.ts`'s.
 * The route is known however its path is spelled (`routedPath`). Everything else goes past
 * untouched. (Whatever files the body parser wrote are removed for every route: media/upload-leftovers.ts.)
 */
import type { Core } from '@strapi/strapi';
import {
  LIKE_ENDPOINT,
  LIKE_MAX_BODY_BYTES,
  LIKE_MESSAGES,
  LIKES_ENDPOINT,
  PARTICIPATION_MESSAGES,
  PARTICIPATION_PATH,
  QUIZ_ENDPOINT,
  QUIZ_MAX_BODY_BYTES,
  QUIZ_MESSAGES,
} from '@campaign-desk/shared';
import { PLUGIN_ID } from '../../../common/names';
import { pluginConfig } from '../config/read';
import { getService } from '../utils';
import { refuse, type AnswerContext, type Refusal } from './answers';
import { clientAddress, countedAs, proxiesOf, type Proxies } from './client-address';
import rateLimits, { type LimitName } from './services/rate-limits';

type GateContext = AnswerContext & {
  path: string;
  method: string;
  req: { socket: { remoteAddress?: string }; headers: Record<string, string | string[] | undefined> };
  state: Record<string, unknown>;
  is(...types: string[]): string | false | null;
  vary(field: string): void;
};

/** The address (an IPv6 /64) a request to the public route counts against (set by the gate for the controller). */
export const ADDRESS_STATE = 'campaignDeskAddress';

const BODY_TYPES = ['multipart/form-data', 'application/x-www-form-urlencoded', 'application/json'];

/**
 * The path as the router might read it, so a spelling it would route is gated too: Strapi's
 * router ignores case and a trailing slash, and decodes a parameter (`%73uggestion`); double
 * slashes, backslashes, trailing dots and percent-encoding anywhere are read away as well,
 * erring on the side of gating a path the router would then not match.
 */
export function routedPath(path: string): string {
  let decoded = path;
  for (let round = 0; round < 3; round += 1) {
    try {
      const next = decodeURIComponent(decoded);
      if (next === decoded) break;
      decoded = next;
    } catch {
      break;
    }
  }
  return decoded
    .toLowerCase()
    .replace(/\\/g, '/')
    .replace(/[.\s]+(?=\/|$)/g, '')
    .replace(/\/{2,}/g, '/')
    .replace(/\/$/, '');
}

/** Whether the gate let the request through: the public routes' policy refuses any it did not (participation/routes.ts). */
export function passedGate(ctx: { state: Record<string, unknown> }): boolean {
  return typeof ctx.state[ADDRESS_STATE] === 'string';
}

/** What a request to a route may declare, and the lanes it counts in at the door: its address's, then (if any) all. */
type Door = { maxBodyBytes: number; tooLarge: string; lanes: [LimitName, LimitName?]; types?: string[] };

/**
 * A like and a quiz's answers are small and come in numbers of their own (a reader likes
 * several deeds; a class answers from one school's address): each has its body limit and
 * lanes. Every other post is a submission (a photo and text); a GET, a challenge.
 */
function doorOf(method: string, route: string, maxBodyBytes: number): Door {
  if (method === 'GET') return { maxBodyBytes: 0, tooLarge: '', lanes: ['challengesPerAddress', 'challengesGlobal'] };
  if (route.startsWith(`/${LIKE_ENDPOINT}/`))
    // A like carries no file: no multipart body is parsed for it.
    return {
      maxBodyBytes: LIKE_MAX_BODY_BYTES,
      tooLarge: LIKE_MESSAGES.tooLarge,
      lanes: ['likesPerAddress', 'likesGlobal'],
      types: ['application/x-www-form-urlencoded', 'application/json'],
    };
  if (route.startsWith(`/${QUIZ_ENDPOINT}/`))
    return { maxBodyBytes: QUIZ_MAX_BODY_BYTES, tooLarge: QUIZ_MESSAGES.tooLarge, lanes: ['quizPerAddress', 'quizGlobal'] };
  return { maxBodyBytes, tooLarge: PARTICIPATION_MESSAGES.tooLarge, lanes: ['perAddress'] };
}

/** Counts the request in its door's lanes, the address first: a flood from one is refused by one read. */
async function admit(limits: ReturnType<typeof rateLimits>, [own, all]: Door['lanes'], address: string): Promise<Refusal | null> {
  const verdict = await limits.take(own, address);
  if (!verdict.ok) return { status: 429, message: PARTICIPATION_MESSAGES.tooMany, retryAfterSeconds: verdict.retryAfterSeconds };
  if (all) {
    const shared = await limits.take(all);
    if (!shared.ok) {
      await limits.giveBack(verdict.ticket);
      return { status: 429, message: PARTICIPATION_MESSAGES.busy, retryAfterSeconds: shared.retryAfterSeconds };
    }
  }
  return null;
}

export function participationGate(strapi: Core.Strapi) {
  const settings = () => pluginConfig(strapi).participation;
  // Where Strapi mounts the plugin's content-API route (participation/routes.ts).
  const base = routedPath(`${strapi.config.get<string>('api.rest.prefix', '/api')}/${PLUGIN_ID}${PARTICIPATION_PATH}`);
  let trusted: Proxies | null = null;

  return async (ctx: GateContext, next: () => Promise<unknown>) => {
    const path = routedPath(ctx.path);
    if (path !== base && !path.startsWith(`${base}/`)) return next();
    const { siteUrl, maxBodyBytes } = settings();
    const siteOrigin = new URL(siteUrl).origin;
    const limits = getService(strapi, rateLimits);
    ctx.vary('Origin');
    const route = path.slice(base.length);

    // Every like count, public on the site anyway: read from the CMS's memory, kept by caches
    // (likes/controllers/likes.ts), asked for by the site's pages whatever Origin they send
    // (none, from the same host). Nothing else of the route is let past this way.
    if (ctx.method === 'GET' && route === `/${LIKES_ENDPOINT}`) {
      ctx.state[ADDRESS_STATE] = '';
      await next();
      ctx.set('Access-Control-Allow-Origin', siteOrigin);
      return;
    }

    const origin = ctx.get('origin');
    // Browsers leave Origin out of their own same-origin GETs (the Fetch standard): the site's
    // widget asking for a challenge from the same host (a portal's path) names no origin. Another
    // site's page names itself, or, with <img> and the like, is marked cross-site by Sec-Fetch-Site.
    const ownRead =
      origin === '' && (ctx.method === 'GET' || ctx.method === 'HEAD') && ['', 'same-origin'].includes(ctx.get('sec-fetch-site'));
    if (origin !== siteOrigin && !ownRead) {
      return refuse(ctx, { status: 403, message: PARTICIPATION_MESSAGES.forbiddenOrigin }, siteUrl);
    }
    const cors = () => ctx.set('Access-Control-Allow-Origin', siteOrigin);
    cors();
    if (ctx.method === 'OPTIONS') {
      ctx.status = 204;
      ctx.set('Access-Control-Allow-Methods', 'GET, POST');
      ctx.set('Access-Control-Allow-Headers', 'Content-Type, Accept');
      ctx.set('Access-Control-Max-Age', '600');
      return;
    }

    trusted ??= proxiesOf(settings().trustedProxies);
    const address = countedAs(clientAddress(ctx.req.socket.remoteAddress, ctx.req.headers['x-forwarded-for'], trusted));
    ctx.state[ADDRESS_STATE] = address;

    const door = doorOf(ctx.method, route, maxBodyBytes);
    if (ctx.method === 'POST') {
      if (!ctx.is(...(door.types ?? BODY_TYPES))) return refuse(ctx, { status: 415, message: '只接受表单提交。' }, siteUrl);
      const length = ctx.get('content-length');
      if (length === '') return refuse(ctx, { status: 411, message: PARTICIPATION_MESSAGES.lengthRequired }, siteUrl);
      if (Number(length) > door.maxBodyBytes) return refuse(ctx, { status: 413, message: door.tooLarge }, siteUrl);
    } else if (ctx.method !== 'GET') {
      ctx.set('Allow', 'GET, POST, OPTIONS');
      return refuse(ctx, { status: 405, message: '不支持的请求方式。' }, siteUrl);
    }
    let refusal: Refusal | null;
    try {
      refusal = await admit(limits, door.lanes, address);
    } catch (error) {
      // The counts live in the database: without it nothing is let in, and the reader is told so.
      strapi.log.error(`[campaign-desk] the public route could not count a request: ${(error as Error).message}`);
      refusal = { status: 503, message: PARTICIPATION_MESSAGES.failed };
    }
    if (refusal) return refuse(ctx, refusal, siteUrl);

    // A reader's photo is read into memory by the controller: the body parser's copy (EXIF, GPS
    // and all) is removed once answered, taken or refused, as every upload is (media/upload-leftovers.ts).
    await next();
    // Strapi's own CORS middleware, further in, names the origins it allows; this route names the site only.
    cors();
  };
}
