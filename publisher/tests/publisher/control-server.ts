/** The control server: the build hook (signatures, replays, types, sizes) and /status. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { signEvent } from '@campaign-desk/shared';
import { freePort } from '@campaign-desk/testing/ports';
import { HOOK_BODY_LIMIT, createControlServer, type ControlStatus } from '../../src/server';
import { UndeliveredEvents } from '../../src/undelivered';
import { SECRET, TOKEN, signedEvent } from '../support/system';
import { send, story, system } from './system';

export function controlServer(): void {
  describe('the build hook', () => {
    it('builds on a correctly signed event, and only what the change touches', async () => {
      system.api.publish({ ...story('sample-story-030'), title: '【示例】钩子触发的新标题' });
      const event = await signedEvent('sample-story-030');
      expect((await send(event.body, event.headers)).status).toBe(202);
      await system.publisher.idle();
      const status = await system.status();
      expect(status.lastBuild).toMatchObject({ ok: true, mode: 'incremental', reasons: ['publish story sample-story-030'] });
      expect(status.lastBuild!.rendered).toBeLessThan(60);
      expect(status.live).toBe(status.lastBuild!.release);
      expect(await (await system.get('/stories/sample-story-030/')).text()).toContain('钩子触发的新标题');
    });

    it.each([
      ['no signature', async () => ({ body: (await signedEvent()).body, headers: { 'content-type': 'application/json' } })],
      [
        'a wrong secret',
        async () => {
          const event = await signedEvent();
          return { body: event.body, headers: { ...event.headers, ...(await signEvent(event.body, 'another-secret-0123456789')) } };
        },
      ],
      [
        'an altered body',
        async () => {
          const event = await signedEvent();
          return { body: event.body.replace('"story"', '"column"'), headers: event.headers };
        },
      ],
      ['a stale timestamp', async () => signedEvent('old', Math.floor(Date.now() / 1000) - 3600)],
    ])('refuses %s with 401 and builds nothing', async (_case, make) => {
      const before = (await system.status()).builds;
      const event = await make();
      expect((await send(event.body, event.headers)).status).toBe(401);
      await system.publisher.idle();
      expect((await system.status()).builds).toBe(before);
    });

    it('answers a replayed event with a 2xx (the CMS stops retrying) and builds nothing for it', async () => {
      const event = await signedEvent('replayed');
      expect((await send(event.body, event.headers)).status).toBe(202);
      await system.publisher.idle();
      const before = (await system.status()).builds;
      const again = await send(event.body, event.headers);
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ replay: true });
      await system.publisher.idle();
      expect((await system.status()).builds).toBe(before);
    });

    it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
      'refuses a correctly signed event sent as %s with 415 and builds nothing',
      async (type) => {
        const before = (await system.status()).builds;
        const event = await signedEvent(`typed-${type.length}`);
        const response = await send(event.body, { ...event.headers, 'content-type': type });
        expect(response.status).toBe(415);
        await system.publisher.idle();
        expect((await system.status()).builds).toBe(before);
      },
    );

    it('refuses a body over 16 KB with 413', async () => {
      const event = await signedEvent();
      const response = await send(event.body.replace('"publish"', `"publish","padding":"${'x'.repeat(HOOK_BODY_LIMIT)}"`), event.headers);
      expect(response.status).toBe(413);
    });
  });

  describe('/status', () => {
    it('needs the publisher’s token', async () => {
      expect((await fetch(`${system.control}/status`)).status).toBe(401);
      expect((await fetch(`${system.control}/status`, { headers: { authorization: 'Bearer wrong-token-0123456789xx' } })).status).toBe(401);
      expect((await fetch(`${system.control}/status`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    });

    it('says whether the CMS holds publish events it has not delivered', async () => {
      expect((await system.status()).cms).toEqual({
        checked: true,
        checkedAt: expect.any(String),
        ok: true,
        undelivered: false,
        failed: 0,
        overdue: 0,
        overdueAfterMs: 300_000,
        oldestQueuedAt: null,
      });
      const stuck = { failed: 2, overdue: 1, overdueAfterMs: 300_000, oldestQueuedAt: '2020-06-15T03:00:00.000Z' };
      system.api.setUndelivered(stuck);
      try {
        expect((await system.status()).cms).toEqual({
          checked: true,
          checkedAt: expect.any(String),
          ok: true,
          undelivered: true,
          ...stuck,
        });
      } finally {
        system.api.setUndelivered({ failed: 0, overdue: 0, overdueAfterMs: 300_000, oldestQueuedAt: null });
      }
    });

    it('answers all the same when the CMS is down or hangs, and says so', async () => {
      const hanging = createServer(() => {});
      await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
      const cmsAt = (port: number) =>
        ({ kind: 'http', url: `http://127.0.0.1:${port}/api/campaign-desk/snapshot`, token: 'site-token' }) as const;
      try {
        for (const [source, error] of [
          [cmsAt(await freePort()), /the CMS could not be asked: .*ECONNREFUSED/],
          [cmsAt((hanging.address() as AddressInfo).port), /the CMS could not be asked: .*timeout/i],
        ] as const) {
          const control = await createControlServer({
            publisher: system.publisher,
            undelivered: new UndeliveredEvents(source, { timeoutMs: 300 }),
            hookSecret: SECRET,
            token: TOKEN,
          });
          const response = await control.inject({ method: 'GET', url: '/status', headers: { authorization: `Bearer ${TOKEN}` } });
          await control.close();
          expect(response.statusCode).toBe(200);
          const status = response.json() as ControlStatus;
          expect(status.live).toBe((await system.status()).live);
          expect(status.cms).toMatchObject({ checked: true, ok: false, error: expect.stringMatching(error) });
        }
      } finally {
        hanging.closeAllConnections();
        await new Promise((resolve) => hanging.close(resolve));
      }
    });

    it('asks the CMS at most once in a while, however often it is read', async () => {
      const source = { kind: 'http', url: system.api.url, token: system.api.token } as const;
      const undelivered = new UndeliveredEvents(source, { cacheMs: 60_000 });
      const asked = () => system.api.requests.filter((url) => url.pathname.endsWith('/undelivered')).length;
      const before = asked();
      const answers = await Promise.all([undelivered.report(), undelivered.report(), undelivered.report()]);
      expect(await undelivered.report()).toEqual(answers[0]);
      expect(asked()).toBe(before + 1);
      expect(await new UndeliveredEvents({ kind: 'file', path: '/snapshot.json' }).report()).toEqual({ checked: false });
    });

    it('is not on the public site, nor is the hook', async () => {
      for (const pathname of ['/status', '/hooks/publish']) {
        const response = await system.get(pathname);
        expect(response.status).toBe(404);
        expect(await response.text()).toContain('页面未找到');
      }
    });
  });
}
