import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { EVENT_ID_HEADER, signEvent } from '@campaign-desk/shared';
import type { SiteBuilder } from '../src/builder';
import { Publisher } from '../src/publisher';
import { createServer } from '../src/server';

const SECRET = 'test-hook-secret-0123456789';
const SITE = 'http://127.0.0.1:4321';

const PF_META = gzipSync(Buffer.from('pagefind meta '.repeat(200)));

/** A stand-in for the Astro build: a small site whose stories are the ones in `stories`. */
function fakeSite(stories: string[], extra: Record<string, string> = {}): Record<string, string> {
  const links = stories.map((slug) => `<a href="/stories/${slug}/">${slug}</a>`).join('');
  return {
    'index.html': `<!doctype html><link rel="stylesheet" href="/_astro/site.abc123.css"><main>${links}</main>`,
    '404.html': '<!doctype html><h1>页面不存在</h1>',
    '_astro/site.abc123.css': `body{margin:0}${' '.repeat(2000)}`,
    'rss.xml': `<?xml version="1.0"?><rss version="2.0"><channel><title>“六大”活动</title>${stories
      .map((slug) => `<item><title>${slug}</title></item>`)
      .join('')}</channel></rss>`,
    'feeds.opml': '<?xml version="1.0"?><opml version="2.0"><body/></opml>',
    'events.ics': 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
    'feed.json': '{"version":"https://jsonfeed.org/version/1.1","items":[]}',
    // Pagefind's index files are gzip data with an extension of their own.
    'pagefind/pagefind.zh-cn_abc.pf_meta': PF_META.toString('latin1'),
    ...Object.fromEntries(stories.map((slug) => [`stories/${slug}/index.html`, `<!doctype html><h1>${slug}</h1><a href="/">首页</a>`])),
    ...extra,
  };
}

async function write(dir: string, files: Record<string, string>) {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content, name.endsWith('.pf_meta') ? 'latin1' : 'utf8');
  }
}

let dataDir: string;
let stories: string[];
let extraFiles: Record<string, string>;
let builds: number;
let failWith: string | null;
let gate: Promise<void> | null;
let server: FastifyInstance;
let publisher: Publisher;
let base: string;

const builder: SiteBuilder = async ({ outDir }) => {
  builds += 1;
  const snapshot = [...stories];
  await gate;
  if (failWith) return { ok: false, log: failWith };
  await write(outDir, fakeSite(snapshot, extraFiles));
  return { ok: true, log: 'built' };
};

async function start() {
  publisher = await new Publisher({ dataDir, siteUrl: SITE, keepReleases: 3, minPageRatio: 0.8, builder }).open();
  server = await createServer({ publisher, hookSecret: SECRET });
  await server.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
}

async function send(body: string, headers: Record<string, string>) {
  return fetch(`${base}/hooks/publish`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

async function signedEvent(slug = 'story', timestamp?: number) {
  const id = randomUUID();
  const body = JSON.stringify({
    id,
    type: 'publish',
    recordType: 'story',
    contentType: 'plugin::campaign-desk.story',
    documentId: `doc-${slug}`,
    slug,
    occurredAt: new Date().toISOString(),
  });
  return { body, headers: { ...(await signEvent(body, SECRET, timestamp)), [EVENT_ID_HEADER]: id } };
}

const status = async () => (await fetch(`${base}/status`)).json() as Promise<Awaited<ReturnType<Publisher['status']>>>;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'publisher-test-'));
  stories = ['first'];
  extraFiles = {};
  builds = 0;
  failWith = null;
  gate = null;
  await start();
});
afterEach(async () => {
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the build hook', () => {
  it('builds and goes live on a correctly signed event', async () => {
    const event = await signedEvent('first');
    expect((await send(event.body, event.headers)).status).toBe(202);
    await publisher.idle();
    const now = await status();
    expect(now.live).toBe(now.lastBuild?.release);
    expect(now.lastBuild).toMatchObject({ ok: true, pages: 3, reasons: ['publish story first'] });
    expect(await (await fetch(`${base}/stories/first/`)).text()).toContain('<h1>first</h1>');
  });

  it.each([
    ['no signature', async () => ({ body: (await signedEvent()).body, headers: {} })],
    [
      'a wrong secret',
      async () => {
        const event = await signedEvent();
        return { body: event.body, headers: { ...event.headers, ...(await signEvent(event.body, 'another-secret-0123456789')) } };
      },
    ],
    ['an altered body', async () => {
      const event = await signedEvent();
      return { body: event.body.replace('"story"', '"column"'), headers: event.headers };
    }],
    ['a stale timestamp', async () => signedEvent('old', Math.floor(Date.now() / 1000) - 3600)],
  ])('refuses %s with 401 and builds nothing', async (_case, make) => {
    const event = await make();
    const response = await send(event.body, event.headers);
    expect(response.status).toBe(401);
    await publisher.idle();
    expect(builds).toBe(0);
  });

  it('refuses a replayed event', async () => {
    const event = await signedEvent();
    expect((await send(event.body, event.headers)).status).toBe(202);
    expect((await send(event.body, event.headers)).status).toBe(401);
    await publisher.idle();
    expect(builds).toBe(1);
  });
});

describe('builds', () => {
  it('coalesce a burst into one follow-up build that reflects the last publish', async () => {
    let open!: () => void;
    gate = new Promise((resolve) => (open = resolve));
    publisher.request('first publish');
    for (let n = 0; n < 20; n += 1) {
      stories.push(`burst-${n}`);
      const event = await signedEvent(`burst-${n}`);
      expect((await send(event.body, event.headers)).status).toBe(202);
    }
    expect((await status()).queued).toBe(true);
    open();
    await publisher.idle();
    expect(builds).toBe(2);
    expect((await fetch(`${base}/stories/burst-19/`)).status).toBe(200);
    expect((await status()).lastBuild?.reasons).toHaveLength(20);
  });

  it('leave the live release untouched when a build fails, and say why', async () => {
    publisher.request('first');
    await publisher.idle();
    const live = (await status()).live;
    failWith = 'CampaignContentError: collection stories, documentId abc123, field kind: Invalid enum value';
    stories.push('second');
    publisher.request('second');
    await publisher.idle();
    const now = await status();
    expect(now.live).toBe(live);
    expect(now.lastBuild?.ok).toBe(false);
    expect(now.lastBuild?.error).toContain('documentId abc123, field kind');
    expect(now.lastSuccess?.release).toBe(live);
    expect((await fetch(`${base}/stories/second/`)).status).toBe(404);
    expect(now.releases).toEqual([live]);
  });

  it.each([
    ['a broken internal link', { 'broken.html': '<a href="/stories/missing/">x</a>' }, 'link /stories/missing/'],
    ['a malformed feed', { 'feeds/columns/a.xml': '<rss><channel></rss>' }, 'feed feeds/columns/a.xml'],
    ['a missing asset', { 'page.html': '<img src="/_astro/gone.webp" alt="">' }, 'link /_astro/gone.webp'],
  ])('refuse a release with %s', async (_case, files, problem) => {
    publisher.request('first');
    await publisher.idle();
    const live = (await status()).live;
    extraFiles = files;
    publisher.request('bad');
    await publisher.idle();
    const now = await status();
    expect(now.live).toBe(live);
    expect(now.lastBuild?.error).toContain(problem);
  });

  it('refuse a collapsed site unless forced', async () => {
    stories = Array.from({ length: 10 }, (_, n) => `s${n}`);
    publisher.request('many');
    await publisher.idle();
    stories = ['s0'];
    publisher.request('few');
    await publisher.idle();
    expect((await status()).lastBuild?.error).toContain('page count');
    publisher.request('few, on purpose', { force: true });
    await publisher.idle();
    expect((await status()).lastBuild?.ok).toBe(true);
  });

  it('keep the last releases, roll back, and survive a restart', async () => {
    for (const n of [1, 2, 3, 4]) {
      stories.push(`r${n}`);
      publisher.request(`release ${n}`);
      await publisher.idle();
    }
    const before = await status();
    expect(before.releases).toHaveLength(3);
    const back = await publisher.releases.rollback();
    expect(back).toBe(before.releases[1]);
    expect((await fetch(`${base}/stories/r4/`)).status).toBe(404);

    await server.close();
    await start();
    const after = await status();
    expect(after.live).toBe(back);
    expect(after.builds).toBe(4);
    expect(after.lastBuild?.release).toBe(before.lastBuild?.release);
  });
});

describe('serving the live release', () => {
  beforeEach(async () => {
    publisher.request('first');
    await publisher.idle();
  });

  it.each([
    ['/rss.xml', 'application/xml'],
    ['/feeds.opml', 'text/x-opml'],
    ['/events.ics', 'text/calendar'],
    ['/feed.json', 'application/feed+json'],
    ['/', 'text/html'],
  ])('serves %s as %s', async (file, type) => {
    const response = await fetch(`${base}${file}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain(type);
  });

  it('caches fingerprinted assets for good and pages briefly, compressed', async () => {
    const asset = await fetch(`${base}/_astro/site.abc123.css`, { headers: { 'accept-encoding': 'br' } });
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(asset.headers.get('content-encoding')).toBe('br');
    const page = await fetch(`${base}/`, { headers: { 'accept-encoding': 'gzip' } });
    expect(page.headers.get('cache-control')).toContain('max-age=0');
  });

  it('sends binary files byte for byte, whatever encodings the reader accepts', async () => {
    const response = await fetch(`${base}/pagefind/pagefind.zh-cn_abc.pf_meta`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(Buffer.from(await response.arrayBuffer()).equals(PF_META)).toBe(true);
  });

  it('answers a missing page with the site’s 404 page', async () => {
    const response = await fetch(`${base}/stories/nothing-here/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('页面不存在');
  });

  it('keeps state in the data directory', async () => {
    const state = JSON.parse(await readFile(path.join(dataDir, 'state.json'), 'utf8'));
    expect(state.lastBuild.ok).toBe(true);
  });
});
