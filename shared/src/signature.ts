/**
 * Signed publish events: the CMS POSTs one to each build hook when campaign content is
 * published, unpublished or deleted; receivers (the site, the publisher) verify it here.
 *
 * The signature is HMAC-SHA256 with the hook's secret over `<timestamp>.<raw body>`, so
 * neither the body nor the time can be changed; the timestamp window bounds how long a
 * captured request stays usable, and remembering event ids closes that window too.
 * Web Crypto rather than node:crypto: the admin panel bundles this package for the browser.
 */
import { z } from 'zod';
import { documentIdSchema, instantSchema, recordTypeSchema } from './contract';

export const EVENT_ID_HEADER = 'X-Campaign-Desk-Event';
export const TIMESTAMP_HEADER = 'X-Campaign-Desk-Timestamp';
export const SIGNATURE_HEADER = 'X-Campaign-Desk-Signature';

export const PUBLISH_EVENT_TYPES = ['publish', 'unpublish', 'delete'] as const;

export const publishEventSchema = z.object({
  /** Unique per event and kept across retries: the receiver's idempotency key. */
  id: z.string().uuid(),
  type: z.enum(PUBLISH_EVENT_TYPES),
  /** The contract's record type; a clause travels as its opinion. */
  recordType: recordTypeSchema,
  /** The Strapi content type, e.g. `plugin::campaign-desk.story`. */
  contentType: z.string().min(1),
  documentId: documentIdSchema,
  /** The slug the record is (or was last) public under; null when it has none. */
  slug: z.string().min(1).nullable(),
  occurredAt: instantSchema,
});

export type PublishEvent = z.infer<typeof publishEventSchema>;

export interface SignatureHeaders {
  [TIMESTAMP_HEADER]: string;
  [SIGNATURE_HEADER]: string;
}

const unixSeconds = (date: Date) => Math.floor(date.getTime() / 1000);
const utf8 = new TextEncoder();

function hmacKey(secret: string) {
  return crypto.subtle.importKey('raw', utf8.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}

/** The signed message: `<timestamp>.<raw body>`, byte for byte. */
function signedBytes(rawBody: string | Uint8Array, timestamp: string): Uint8Array<ArrayBuffer> {
  const prefix = utf8.encode(`${timestamp}.`);
  const body = typeof rawBody === 'string' ? utf8.encode(rawBody) : rawBody;
  const bytes = new Uint8Array(prefix.length + body.length);
  bytes.set(prefix);
  bytes.set(body, prefix.length);
  return bytes;
}

/** The timestamp and signature headers for a body, signed as of `timestamp` (unix seconds). */
export async function signEvent(body: string, secret: string, timestamp = unixSeconds(new Date())): Promise<SignatureHeaders> {
  const time = String(Math.floor(timestamp));
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', await hmacKey(secret), signedBytes(body, time)));
  return {
    [TIMESTAMP_HEADER]: time,
    [SIGNATURE_HEADER]: `sha256=${Array.from(signature, (byte) => byte.toString(16).padStart(2, '0')).join('')}`,
  };
}

/**
 * Where a receiver remembers the event ids it has accepted. `remember` must be atomic: it
 * records `id` until `expiresAt` and answers false if it was already there (times in unix
 * seconds; ids expired as of `now` may be forgotten). A publisher that restarts or runs
 * several instances plugs in a shared, persistent one.
 */
export interface ReplayStore {
  remember(id: string, expiresAt: number, now: number): boolean | Promise<boolean>;
}

/** Ids kept in memory until their signatures could no longer pass the timestamp window. */
export function memoryReplayStore(): ReplayStore {
  const expiries = new Map<string, number>();
  return {
    remember(id, expiresAt, now) {
      for (const [known, expiry] of expiries) if (expiry < now) expiries.delete(known);
      if (expiries.has(id)) return false;
      expiries.set(id, expiresAt);
      return true;
    },
  };
}

export type VerifyFailure = 'missing-header' | 'bad-signature' | 'stale' | 'replay' | 'bad-body';
export type VerifyResult = { ok: true; event: PublishEvent } | { ok: false; reason: VerifyFailure; message: string };

/** Node's `req.headers`, a fetch `Headers`, or a plain record; names match case-insensitively. */
export type IncomingHeaders = Headers | Record<string, string | string[] | undefined>;

function header(headers: IncomingHeaders, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : headers[key];
  return Array.isArray(value) ? value[0] : value;
}

export interface EventVerifierOptions {
  secret: string;
  /** How far the signed timestamp may be from the receiver's clock, either way. */
  toleranceSeconds?: number;
  seen?: ReplayStore;
}

export function createEventVerifier({ secret, toleranceSeconds = 300, seen = memoryReplayStore() }: EventVerifierOptions) {
  if (!secret) throw new Error('createEventVerifier: the hook secret is empty');
  const key = hmacKey(secret);
  const fail = (reason: VerifyFailure, message: string): VerifyResult => ({ ok: false, reason, message });

  return {
    /** Checks a request exactly as received: pass the raw body, not a re-serialised one. */
    async verify({
      rawBody,
      headers,
      now = new Date(),
    }: {
      rawBody: string | Uint8Array;
      headers: IncomingHeaders;
      now?: Date;
    }): Promise<VerifyResult> {
      const id = header(headers, EVENT_ID_HEADER);
      const timestamp = header(headers, TIMESTAMP_HEADER);
      const signature = header(headers, SIGNATURE_HEADER);
      const missing = [
        [EVENT_ID_HEADER, id],
        [TIMESTAMP_HEADER, timestamp],
        [SIGNATURE_HEADER, signature],
      ].filter(([, value]) => !value);
      if (missing.length > 0) return fail('missing-header', `missing ${missing.map(([name]) => name).join(', ')}`);
      if (!/^\d+$/.test(timestamp!)) return fail('missing-header', `${TIMESTAMP_HEADER} is not unix seconds`);

      // subtle.verify compares in constant time.
      const given = /^sha256=([0-9a-f]{64})$/i.exec(signature!)?.[1];
      const digest = given ? Uint8Array.from(given.match(/../g)!, (pair) => parseInt(pair, 16)) : null;
      if (!digest || !(await crypto.subtle.verify('HMAC', await key, digest, signedBytes(rawBody, timestamp!)))) {
        return fail('bad-signature', `${SIGNATURE_HEADER} does not match the body and timestamp`);
      }

      const skew = unixSeconds(now) - Number(timestamp);
      if (Math.abs(skew) > toleranceSeconds) {
        return fail('stale', `signed ${Math.abs(skew)} s ${skew > 0 ? 'ago' : 'ahead'}, beyond ${toleranceSeconds} s`);
      }

      let body: unknown;
      try {
        body = JSON.parse(typeof rawBody === 'string' ? rawBody : new TextDecoder().decode(rawBody));
      } catch {
        return fail('bad-body', 'body is not JSON');
      }
      const event = publishEventSchema.safeParse(body);
      if (!event.success) {
        return fail('bad-body', event.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '));
      }
      if (event.data.id !== id) return fail('bad-body', `${EVENT_ID_HEADER} is not the event's id`);

      // Only a genuine, fresh event is remembered, for as long as its signature could pass.
      if (!(await seen.remember(event.data.id, Number(timestamp) + toleranceSeconds, unixSeconds(now)))) {
        return fail('replay', `event ${event.data.id} was already received`);
      }
      return { ok: true, event: event.data };
    },
  };
}

export type EventVerifier = ReturnType<typeof createEventVerifier>;
