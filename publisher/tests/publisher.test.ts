/**
 * The publisher with the real renderer, reading a stand-in of the snapshot API: the hook,
 * whole and incremental builds, what may fail without harm, and how releases are served.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signEvent, signPreviewToken } from '@campaign-desk/shared';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort } from '@campaign-desk/testing/ports';
import { HOOK_BODY_LIMIT, createControlServer, type ControlStatus } from '../src/server';
import { UndeliveredEvents } from '../src/undelivered';
import { SECRET, TOKEN, fixtureRecords, signedEvent, startSystem, type Records, type System } from './support/system';

let system: System;
let records: Records;
const story = (slug: string) => records.find((record) => record.type === 'story' && record.slug === slug)!;
const send = (body: string, headers: Record<string, string>) => fetch(`${system.control}/hooks/publish`, { method: 'POST', headers, body });

beforeAll(async () => {
  records = fixtureRecords();
  system = await startSystem({ records });
  const first = await system.build('start-up');
  expect(first.lastBuild).toMatchObject({ ok: true, mode: 'whole' });
});
afterAll(async () => {
  await system?.stop();
});

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
      expect((await system.status()).cms).toEqual({ checked: true, checkedAt: expect.any(String), ok: true, undelivered: true, ...stuck });
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

describe('what content cannot do', () => {
  it('a placement whose URL is the site’s own address followed by /% is a warning; the release goes live', async () => {
    const placement = records.find((record) => record.type === 'placement')!;
    system.api.publish({ ...placement, url: 'https://publisher-test.example.org/%' });
    const status = await system.build('placement');
    expect(status.lastBuild!.ok).toBe(true);
    expect(status.lastBuild!.warnings).toEqual([expect.stringContaining(`上稿记录（${placement.documentId}）的网址（url）`)]);
    expect((await system.get('/')).status).toBe(200);
    system.api.publish(placement);
    expect((await system.build('placement fixed')).lastBuild!.warnings).toEqual([]);
  });

  it('a record that breaks the contract fails the build, names it, and leaves the live release serving', async () => {
    const live = (await system.status()).live;
    const broken = story('sample-story-031');
    system.api.publish({ ...broken, kind: 'video', mediaUrl: null });
    const status = await system.build('broken record');
    expect(status.lastBuild!.ok).toBe(false);
    expect(status.lastBuild!.error).toContain(broken.documentId);
    expect(status.live).toBe(live);
    expect((await system.get('/stories/sample-story-031/')).status).toBe(200);
    expect(await readdir(path.join(system.dataDir, 'releases'))).not.toContainEqual(expect.stringMatching(/\.partial$/));
    system.api.publish(broken);
    const fixed = await system.build('fixed');
    expect(fixed.lastBuild).toMatchObject({ ok: true, mode: 'incremental' });
  });

  it('a publish that withdraws most of the site is refused unless forced', async () => {
    const withdrawn = records.filter((record) => record.type === 'story').slice(0, 120);
    for (const record of withdrawn) system.api.withdraw('story', record.documentId);
    const refused = await system.build('mass withdrawal');
    expect(refused.lastBuild!.ok).toBe(false);
    expect(refused.lastBuild!.error).toMatch(/page count/);
    const forced = await system.build('mass withdrawal, on purpose', { force: true });
    expect(forced.lastBuild!.ok).toBe(true);
    expect((await system.get(`/stories/${withdrawn[0]!.slug}/`)).status).toBe(404);
    for (const record of withdrawn) system.api.publish(record);
    expect((await system.build('back')).lastBuild!.ok).toBe(true);
  });
});

describe('releases', () => {
  it('a publish writes only the directories it changed and shares the rest; the release before stays as it was; pruning keeps every tree a kept release uses', async () => {
    const before = (await system.status()).live!;
    const old = path.join(system.dataDir, 'releases', before);
    const oldPage = await readFile(path.join(old, 'stories/sample-story-031/index.html'), 'utf8');
    system.api.publish({ ...story('sample-story-031'), title: '【示例】只改这一篇' });
    const { live } = await system.build('one story');
    const now = path.join(system.dataDir, 'releases', live!);
    // The story's own directory is new; a figure's page, which does not show it, is the same directory in both.
    expect(await realpath(path.join(now, 'stories/sample-story-031'))).not.toBe(await realpath(path.join(old, 'stories/sample-story-031')));
    expect(await realpath(path.join(now, 'figures'))).toBe(await realpath(path.join(old, 'figures')));
    expect(await readFile(path.join(now, 'stories/sample-story-031/index.html'), 'utf8')).toContain('只改这一篇');
    expect(await readFile(path.join(old, 'stories/sample-story-031/index.html'), 'utf8')).toBe(oldPage);

    for (let n = 0; n < 3; n += 1) {
      system.api.publish({ ...story('sample-story-033'), title: `【示例】第${n}次修改` });
      await system.build(`edit ${n}`);
    }
    await system.publisher.idle();
    const { releases } = await system.status();
    expect(releases.length).toBeLessThanOrEqual(3);
    const used = new Set<string>();
    for (const release of releases)
      for (const tree of (await readFile(path.join(system.dataDir, 'manifests', release), 'utf8')).split('\n')) used.add(tree);
    const trees = (await readdir(path.join(system.dataDir, 'trees'))).filter((name) => !name.startsWith('.'));
    expect(trees.filter((tree) => !used.has(tree))).toEqual([]);
    expect([...used].filter((tree) => !trees.includes(tree))).toEqual([]);
    for (const release of releases) expect(existsSync(path.join(system.dataDir, 'releases', release, 'index.html'))).toBe(true);
  });

  it('are kept, rolled back to, and a rollback makes the next build whole', async () => {
    const { releases, live } = await system.status();
    expect(releases.length).toBeGreaterThanOrEqual(2);
    expect(releases.length).toBeLessThanOrEqual(3);
    const previous = await system.publisher.releases.rollback();
    expect(previous).not.toBe(live);
    system.api.publish({ ...story('sample-story-032'), title: '【示例】回滚之后' });
    const after = await system.build('after rollback');
    expect(after.lastBuild).toMatchObject({ ok: true, mode: 'whole' });
    expect(await (await system.get('/stories/sample-story-032/')).text()).toContain('回滚之后');
  });

  it('a build killed half-way leaves a partial release that is never listed, and is cleared at start-up', async () => {
    const partial = system.publisher.releases.partialDir(system.publisher.releases.newId());
    await mkdir(partial, { recursive: true });
    await writeFile(path.join(partial, 'index.html'), 'half');
    expect((await system.status()).releases.some((release) => release.endsWith('.partial'))).toBe(false);
    await expect(system.publisher.releases.rollback(path.basename(partial))).rejects.toThrow(/no release/);
    await system.stop({ remove: false });
    system = await startSystem({ records, dataDir: system.dataDir });
    expect(existsSync(partial)).toBe(false);
    const restarted = await system.build('start-up');
    expect(restarted.lastBuild).toMatchObject({ ok: true, mode: 'whole' });
  });
});

describe('serving the live release', () => {
  it('caches fingerprinted assets and images for good, pages briefly, and sends compressed copies', async () => {
    const home = await fetch(`${system.site}/`, { headers: { 'accept-encoding': 'br' } });
    expect(home.headers.get('content-encoding')).toBe('br');
    expect(home.headers.get('cache-control')).toContain('must-revalidate');
    expect(await home.text()).toContain('<html lang="zh-CN">');
    const css = /href="(\/_astro\/[^"]+\.css)"/.exec(await (await system.get('/')).text())![1]!;
    expect((await system.get(css)).headers.get('cache-control')).toContain('immutable');
  });

  it('gives feeds the types readers expect and sends search index files byte for byte', async () => {
    expect((await system.get('/rss.xml')).headers.get('content-type')).toMatch(/^application\/xml/);
    expect((await system.get('/feed.json')).headers.get('content-type')).toMatch(/^application\/feed\+json/);
    const entry = await (
      await fetch(`${system.site}/pagefind/4-0/pagefind-entry.json`, { headers: { 'accept-encoding': 'gzip, br' } })
    ).json();
    expect(entry.languages['zh-cn']).toBeTruthy();
  });

  it('answers a missing page with the site’s 404 page', async () => {
    const response = await system.get('/stories/no-such-story/');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('页面未找到');
  });
});

describe('a draft’s preview', () => {
  it('shows the draft on its page with the site’s CSS, the 预览 banner and noindex; the published page stays as it was', async () => {
    const published = story('sample-story-032');
    const before = await (await system.get(`/stories/${published.slug}/`)).text();
    const draft = { ...structuredClone(published), title: '草稿里改过的标题' };
    system.drafts.answer = { ok: true, record: draft };
    const token = await signPreviewToken(SECRET, published.documentId, 1);
    const response = await system.get(`/_preview/?token=${encodeURIComponent(token)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const page = await response.text();
    expect(page).toContain('草稿里改过的标题');
    expect(page).toContain('<strong>预览</strong>：这是稿件的草稿按发布后的样子显示');
    expect(page).toContain('<meta name="robots" content="noindex, nofollow">');
    // The same stylesheet as the published page.
    const css = (html: string) => /href="(\/_astro\/[^"]+\.css)"/.exec(html)![1];
    expect(css(page)).toBe(css(before));
    expect(system.drafts.tokens.at(-1)).toBe(token);
    expect(await (await system.get(`/stories/${published.slug}/`)).text()).toBe(before);
    expect(await (await system.get('/rss.xml')).text()).not.toContain('草稿里改过的标题');
  });

  it('is refused without a good token, before the CMS is asked; and says why the CMS refused', async () => {
    const asked = system.drafts.tokens.length;
    const expired = await signPreviewToken(SECRET, story('sample-story-032').documentId, 1, new Date(Date.now() - 3_600_000));
    const forged = await signPreviewToken('another-secret-0123456789', story('sample-story-032').documentId, 1);
    for (const [query, message] of [
      ['', '预览链接缺少 token，请从后台打开预览'],
      [`?token=${encodeURIComponent(expired)}`, '预览链接已过期，请回到后台重新打开预览'],
      [`?token=${encodeURIComponent(forged)}`, '预览链接无效'],
      ['?token=%3Cscript%3E', '预览链接无效'],
    ] as const) {
      const response = await system.get(`/_preview/${query}`);
      expect([response.status, await response.text()]).toEqual([403, expect.stringContaining(`<p>${message}</p>`)]);
    }
    expect(system.drafts.tokens).toHaveLength(asked);
    system.drafts.answer = { ok: false, status: 404, message: '没有找到稿件 x 的草稿' };
    const missing = await system.get(`/_preview/?token=${encodeURIComponent(await signPreviewToken(SECRET, 'x', 1))}`);
    expect([missing.status, await missing.text()]).toEqual([404, expect.stringContaining('<p>没有找到稿件 x 的草稿</p>')]);
  });
});
