/**
 * A site under a portal's path (SITE_URL `https://portal/zt/liuda/`): the publisher's site server
 * serves the release there and nowhere else, and its link check draws the line the renderer draws
 * for typed links (SiteAddress): a link under the path must lead to a file, one outside it is not
 * the site's.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LinkCheck } from '../src/checks';
import type { Publisher } from '../src/publisher';
import { createSiteServer } from '../src/server';

const SITE_URL = 'https://portal.example.gov.cn/zt/liuda/';
const RELEASE: Record<string, string> = {
  'index.html': '<h1>首页</h1>',
  'stories/a/index.html': '<h1>稿件</h1>',
  'feeds.opml': '<opml/>',
  '404.html': '<h1>页面未找到</h1>',
};

describe('the site server', () => {
  let live: string;
  let server: FastifyInstance;
  let url: string;
  beforeAll(async () => {
    live = await mkdtemp(path.join(tmpdir(), 'publisher-sub-path-'));
    for (const [file, body] of Object.entries(RELEASE)) {
      await mkdir(path.dirname(path.join(live, file)), { recursive: true });
      await writeFile(path.join(live, file), body);
    }
    // The server reads only where the live release is.
    server = await createSiteServer({ publisher: { releases: { livePath: live } } as unknown as Publisher, siteUrl: SITE_URL });
    await server.listen({ host: '127.0.0.1', port: 0 });
    url = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await server?.close();
    await rm(live, { recursive: true, force: true });
  });

  it('serves the release under the path, and the 404 page for anything else', async () => {
    const get = async (at: string) => {
      const response = await fetch(`${url}${at}`, { redirect: 'manual' });
      return { status: response.status, body: await response.text(), location: response.headers.get('location') };
    };
    expect(await get('/zt/liuda/')).toMatchObject({ status: 200, body: RELEASE['index.html'] });
    expect(await get('/zt/liuda/stories/a/')).toMatchObject({ status: 200, body: RELEASE['stories/a/index.html'] });
    expect(await get('/zt/liuda/feeds.opml')).toMatchObject({ status: 200, body: RELEASE['feeds.opml'] });
    expect(await get('/zt/liuda/stories/a')).toMatchObject({ status: 301, location: '/zt/liuda/stories/a/' });
    expect(await get('/zt/liuda')).toMatchObject({ status: 301, location: '/zt/liuda/' });
    expect(await get('/zt/liuda?elder=1')).toMatchObject({ status: 301, location: '/zt/liuda/?elder=1' });
    for (const outside of ['/', '/stories/a/', '/feeds.opml', '/zt/liudada/', '/zt/liuda/no-such-page/']) {
      expect(await get(outside), outside).toMatchObject({ status: 404, body: RELEASE['404.html'] });
    }
  });
});

describe('the link check', () => {
  const exists = (file: string) => file in RELEASE;
  const check = (links: string[], person: string[] = []) => {
    const check = new LinkCheck(SITE_URL, new Set(person));
    check.add('stories/a/index.html', links.map((link) => `<a href="${link}">x</a>`).join(''));
    return check.broken(exists).map(({ target }) => target);
  };

  it('resolves links under the path against the release, relative ones from the page', () => {
    expect(check(['/zt/liuda/', '/zt/liuda/stories/a/', `${SITE_URL}feeds.opml`, '../../feeds.opml', '#top'])).toEqual([]);
    expect(check(['/zt/liuda/stories/b/', '../b/'])).toEqual(['/stories/b/']);
  });

  it('leaves alone what is not the site’s: the portal’s other pages, other hosts, links people typed', () => {
    expect(check(['/stories/b/', '/zt/', 'https://other.example/zt/liuda/x/', 'mailto:a@example.org'])).toEqual([]);
    expect(check(['/zt/liuda/typed/'], ['/zt/liuda/typed/'])).toEqual([]);
  });
});
