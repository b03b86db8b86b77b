import { describe, expect, it } from 'vitest';
import {
  createEventVerifier,
  EVENT_ID_HEADER,
  SIGNATURE_HEADER,
  signEvent,
  TIMESTAMP_HEADER,
  type PublishEvent,
  type ReplayStore,
} from '../src/signature';

const SECRET = 'hook-secret-for-tests';
const NOW = new Date('2026-03-01T08:00:00Z');
const NOW_SECONDS = NOW.getTime() / 1000;

const event: PublishEvent = {
  id: '3b241101-e2bb-4255-8caf-4136c566a962',
  type: 'publish',
  recordType: 'story',
  contentType: 'plugin::campaign-desk.story',
  documentId: 'kq3b7x0n2v9c8m1z4l5p6r7t',
  slug: 'jie-li-tang-guang-you-wei-min-zuo-hao-shi',
  occurredAt: '2026-03-01T07:59:58.000Z',
};

/** A request as the CMS sends it, signed at `signedAt` (unix seconds). */
async function request(body: PublishEvent | string = event, { secret = SECRET, signedAt = NOW_SECONDS } = {}) {
  const rawBody = typeof body === 'string' ? body : JSON.stringify(body);
  const id = typeof body === 'string' ? event.id : body.id;
  return { rawBody, headers: { [EVENT_ID_HEADER]: id, ...(await signEvent(rawBody, secret, signedAt)) } as Record<string, string> };
}

describe('signEvent', () => {
  it('signs “<timestamp>.<body>” with HMAC-SHA256', async () => {
    const headers = await signEvent('{"a":1}', 'secret', 1_700_000_000);
    expect(headers[TIMESTAMP_HEADER]).toBe('1700000000');
    // echo -n '1700000000.{"a":1}' | openssl dgst -sha256 -hmac secret
    expect(headers[SIGNATURE_HEADER]).toBe('sha256=49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686');
  });
});

describe('createEventVerifier', () => {
  it('accepts a correctly signed event and returns it parsed', async () => {
    const result = await createEventVerifier({ secret: SECRET }).verify({ ...(await request()), now: NOW });
    expect(result).toEqual({ ok: true, event });
  });

  it('reads headers whatever their case, from Node headers or a fetch Headers', async () => {
    const { rawBody, headers } = await request();
    const lower = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
    expect((await createEventVerifier({ secret: SECRET }).verify({ rawBody, headers: lower, now: NOW })).ok).toBe(true);
    const fetchHeaders = new Headers(headers);
    expect((await createEventVerifier({ secret: SECRET }).verify({ rawBody, headers: fetchHeaders, now: NOW })).ok).toBe(true);
  });

  it('accepts the raw body as bytes', async () => {
    const { rawBody, headers } = await request();
    const result = await createEventVerifier({ secret: SECRET }).verify({ rawBody: new TextEncoder().encode(rawBody), headers, now: NOW });
    expect(result.ok).toBe(true);
  });

  it('refuses an event signed with another secret', async () => {
    const result = await createEventVerifier({ secret: SECRET }).verify({ ...(await request(event, { secret: 'other' })), now: NOW });
    expect(result).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('refuses an altered body', async () => {
    const { rawBody, headers } = await request();
    const altered = rawBody.replace('"publish"', '"delete"');
    expect(altered).not.toBe(rawBody);
    const result = await createEventVerifier({ secret: SECRET }).verify({ rawBody: altered, headers, now: NOW });
    expect(result).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('refuses an altered timestamp, even a fresh one', async () => {
    const { rawBody, headers } = await request(event, { signedAt: NOW_SECONDS - 1000 });
    headers[TIMESTAMP_HEADER] = String(NOW_SECONDS);
    const result = await createEventVerifier({ secret: SECRET }).verify({ rawBody, headers, now: NOW });
    expect(result).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a signature without its sha256= prefix', async () => {
    const { rawBody, headers } = await request();
    headers[SIGNATURE_HEADER] = headers[SIGNATURE_HEADER]!.replace('sha256=', '');
    const result = await createEventVerifier({ secret: SECRET }).verify({ rawBody, headers, now: NOW });
    expect(result).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it.each([
    ['signed too long ago', -301],
    ['signed too far ahead', 301],
  ])('refuses a correctly signed event %s', async (_, offset) => {
    const verifier = createEventVerifier({ secret: SECRET, toleranceSeconds: 300 });
    const result = await verifier.verify({ ...(await request(event, { signedAt: NOW_SECONDS + offset })), now: NOW });
    expect(result).toMatchObject({ ok: false, reason: 'stale' });
  });

  it.each([-300, 300])('accepts an event signed %i s from now, at the edge of the window', async (offset) => {
    const verifier = createEventVerifier({ secret: SECRET, toleranceSeconds: 300 });
    const result = await verifier.verify({ ...(await request(event, { signedAt: NOW_SECONDS + offset })), now: NOW });
    expect(result.ok).toBe(true);
  });

  it('refuses a replayed event id, also when re-signed later (a retry it already has)', async () => {
    const verifier = createEventVerifier({ secret: SECRET });
    const first = await request();
    expect((await verifier.verify({ ...first, now: NOW })).ok).toBe(true);
    expect(await verifier.verify({ ...first, now: NOW })).toMatchObject({ ok: false, reason: 'replay' });
    const later = new Date(NOW.getTime() + 60_000);
    const resigned = await request(event, { signedAt: NOW_SECONDS + 60 });
    expect(await verifier.verify({ ...resigned, now: later })).toMatchObject({ ok: false, reason: 'replay' });
    // Another event is not a replay.
    const other = await request({ ...event, id: 'f47ac10b-58cc-4372-a567-0e02b2c3d479' });
    expect((await verifier.verify({ ...other, now: NOW })).ok).toBe(true);
  });

  it('remembers only genuine events: a forged copy does not block the real one', async () => {
    const verifier = createEventVerifier({ secret: SECRET });
    expect((await verifier.verify({ ...(await request(event, { secret: 'forger' })), now: NOW })).ok).toBe(false);
    expect((await verifier.verify({ ...(await request()), now: NOW })).ok).toBe(true);
  });

  it('asks a pluggable store, with an expiry beyond the timestamp window', async () => {
    const remembered: Array<[string, number, number]> = [];
    const seen: ReplayStore = {
      async remember(id, expiresAt, now) {
        remembered.push([id, expiresAt, now]);
        return remembered.filter(([known]) => known === id).length === 1;
      },
    };
    const verifier = createEventVerifier({ secret: SECRET, toleranceSeconds: 120, seen });
    const signed = await request();
    expect((await verifier.verify({ ...signed, now: NOW })).ok).toBe(true);
    expect(await verifier.verify({ ...signed, now: NOW })).toMatchObject({ ok: false, reason: 'replay' });
    expect(remembered[0]).toEqual([event.id, NOW_SECONDS + 120, NOW_SECONDS]);
  });

  it.each([EVENT_ID_HEADER, TIMESTAMP_HEADER, SIGNATURE_HEADER])('refuses a request without %s, naming it', async (name) => {
    const { rawBody, headers } = await request();
    delete headers[name];
    const result = await createEventVerifier({ secret: SECRET }).verify({ rawBody, headers, now: NOW });
    expect(result).toMatchObject({ ok: false, reason: 'missing-header' });
    expect(!result.ok && result.message).toContain(name);
  });

  it('refuses a timestamp that is not unix seconds', async () => {
    const { rawBody, headers } = await request();
    headers[TIMESTAMP_HEADER] = NOW.toISOString();
    const result = await createEventVerifier({ secret: SECRET }).verify({ rawBody, headers, now: NOW });
    expect(result).toMatchObject({ ok: false, reason: 'missing-header' });
  });

  it('refuses a signed body that is not an event, saying which field', async () => {
    const verifier = createEventVerifier({ secret: SECRET });
    expect(await verifier.verify({ ...(await request('not json')), now: NOW })).toMatchObject({ ok: false, reason: 'bad-body' });
    const result = await verifier.verify({ ...(await request({ ...event, type: 'archive' } as never)), now: NOW });
    expect(result).toMatchObject({ ok: false, reason: 'bad-body' });
    expect(!result.ok && result.message).toContain('type');
  });

  it('refuses an event id header that is not the signed event’s id', async () => {
    const { rawBody, headers } = await request();
    headers[EVENT_ID_HEADER] = 'f47ac10b-58cc-4372-a567-0e02b2c3d479';
    const result = await createEventVerifier({ secret: SECRET }).verify({ rawBody, headers, now: NOW });
    expect(result).toMatchObject({ ok: false, reason: 'bad-body' });
  });

  it('will not run without a secret', () => {
    expect(() => createEventVerifier({ secret: '' })).toThrow(/secret/);
  });
});
