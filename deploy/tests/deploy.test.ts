/**
 * The deployment kit with the real servers (tests/support/stack.ts): through Debian's nginx
 * and TLS only, a newsroom logs in (secure cookies), a reporter's story with a picture in
 * object storage passes 三审 and is published, and is served under the portal's path within
 * seconds, with the kit's caching, types, compressed copies and 404 page; a reader's
 * suggestion reaches the CMS through the public route, and every other CMS path is refused on
 * the public side; requests reach both Strapi instances. The editor's day (预览 through the
 * portal, 定时发布 with two instances) is editor-day.ts's, on the same stack.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { Challenge } from 'altcha-lib';
import { solve } from '@campaign-desk/testing/proof-of-work';
import { contentType } from '@campaign-desk/site/renderer';
import { snapshotPageSchema } from '@campaign-desk/shared';
import { UID } from 'strapi-plugin-campaign-desk/names';
import plan from '../../scripts/seed/plan.json';
import { editorsDay } from './editor-day';
import { json, send, type Answer } from './support/https';
import { SITE_PATH, startStack, type Role, type Stack } from './support/stack';

let stack: Stack;
const tokens = {} as Record<Role, string>;
const CM = `/content-manager/collection-types/${UID.story}`;
const SLUG = 'bu-shu-ce-shi-gao-jian';
const TITLE = '通过 nginx 发布的稿件';

async function waitFor<T>(probe: () => Promise<T | null | false | undefined>, what: string, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${stack.publisher.output.slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** An admin API call through nginx that must succeed. */
async function call(role: Role, method: string, path: string, body?: unknown): Promise<any> {
  const answer = await json(stack.cms, method, path, tokens[role], body);
  expect(answer.status, `${method} ${path}: ${answer.text.slice(0, 300)}`).toBeLessThan(300);
  return answer.json;
}

const site = (path = '') => `${SITE_PATH}${path}`;

beforeAll(async () => {
  stack = await startStack();
}, 600_000);
afterAll(async () => stack?.stop());

describe('the admin behind TLS', () => {
  it('logs the newsroom in over HTTPS with secure, HTTP-only session cookies; plain http only redirects', async () => {
    for (const role of Object.keys(stack.people) as Role[]) {
      const answer = await json(stack.cms, 'POST', '/admin/login', null, stack.people[role]);
      expect(answer.status, answer.text).toBe(200);
      const cookies = ([] as string[]).concat(answer.headers['set-cookie'] ?? []);
      expect(cookies.length).toBeGreaterThan(0);
      for (const cookie of cookies) expect(cookie).toMatch(/;\s*secure/i), expect(cookie).toMatch(/;\s*httponly/i);
      expect(answer.headers['strict-transport-security']).toBeDefined();
      tokens[role] = answer.json.data.token;
    }
    const plain = await send({ host: stack.cms.host, port: stack.httpPort }, 'GET', '/admin/');
    expect(plain.status).toBe(301);
    expect(plain.headers.location).toBe(`https://${stack.cms.host}/admin/`);
  });
});

describe('a story through 三审 to the portal', () => {
  let coverUrl: string;

  it('keeps the reporter’s picture in object storage', async () => {
    const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#b8322a' } })
      .jpeg()
      .toBuffer();
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'cover.jpg');
    form.append('fileInfo', JSON.stringify({ name: 'cover.jpg', alternativeText: '咸宁市民参加活动' }));
    const encoded = new Response(form);
    const answer = await send(stack.cms, 'POST', '/upload', {
      headers: { Authorization: `Bearer ${tokens.reporter}`, 'Content-Type': encoded.headers.get('content-type')! },
      body: Buffer.from(await encoded.arrayBuffer()),
    });
    expect(answer.status, answer.text).toBe(201);
    const [file] = answer.json as Array<{ id: number; url: string }>;
    coverUrl = file!.url;
    expect(coverUrl.startsWith(`${stack.storage.publicUrl}/`)).toBe(true);
    expect(await stack.storage.keys()).toContain(coverUrl.slice(stack.storage.publicUrl.length + 1));

    const column = stack.columns[plan.columns[1]!.slug]!;
    const created = await call('reporter', 'POST', CM, {
      title: TITLE,
      slug: SLUG,
      kind: 'news',
      summary: '咸宁市各地深入开展“六大”活动。',
      cover: file!.id,
      body: [{ type: 'paragraph', children: [{ type: 'text', text: `${TITLE}。党员干部走遍咸宁，为群众办实事。` }] }],
      columns: { connect: [{ documentId: column }] },
    });
    const id = created.data.documentId as string;
    const review = (role: Role, action: string, stage: string) =>
      call(role, 'POST', `/campaign-desk/stories/${id}/review`, { action, stage });
    await review('reporter', 'submit', 'draft');
    await review('editor', 'first', 'submitted');
    await review('deskHead', 'second', 'first_passed');
    await review('chief', 'final', 'second_passed');
    const published = Date.now();
    await call('chief', 'POST', `${CM}/${id}/actions/publish`, {});

    const page = await waitFor(async () => {
      const answer = await send(stack.portal, 'GET', site(`stories/${SLUG}/`));
      return answer.status === 200 && answer.text.includes(TITLE) ? answer : null;
    }, 'the story under the portal’s path');
    console.log(`[deploy test] published → served through nginx under ${SITE_PATH} in ${((Date.now() - published) / 1000).toFixed(1)} s`);

    // The snapshot (read through nginx with the site's token) carries the bucket's address,
    // and the page shows copies the publisher made from the bucket's file.
    const snapshot = snapshotPageSchema.parse((await json(stack.cms, 'GET', '/api/campaign-desk/snapshot?limit=500', stack.apiToken)).json);
    const record = snapshot.records.find((candidate) => candidate.type === 'story' && candidate.slug === SLUG);
    expect(record?.type === 'story' && record.cover?.url).toBe(coverUrl);
    const variant = /(?:src|srcset)="([^" ,]*\/media\/[0-9a-f]{24}-\d+\.webp)/.exec(page.text)?.[1];
    expect(variant, 'an image copy on the page').toBeDefined();
    const image = await send(stack.portal, 'GET', new URL(variant!, stack.siteUrl).pathname);
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/webp');
    expect(image.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await sharp(image.body).metadata()).format).toBe('webp');
  });

  it('serves pages and feeds with short caching and their types, compressed copies where accepted, hashed assets for a year', async () => {
    const page = await send(stack.portal, 'GET', site(`stories/${SLUG}/`), { headers: { 'Accept-Encoding': 'br' } });
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    expect(page.headers['strict-transport-security']).toBeDefined();
    expect(
      (await send(stack.portal, 'GET', site(`stories/${SLUG}/`), { headers: { 'Accept-Encoding': 'gzip' } })).headers['content-encoding'],
    ).toBe('gzip');

    const home = await send(stack.portal, 'GET', site());
    const asset = /(?:href|src)="([^"]*\/_astro\/[^"]+\.(?:css|js))"/.exec(home.text)?.[1];
    expect(asset, 'an Astro asset on the home page').toBeDefined();
    const assetAnswer = await send(stack.portal, 'GET', new URL(asset!, stack.siteUrl).pathname);
    expect(assetAnswer.status).toBe(200);
    expect(assetAnswer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(assetAnswer.headers['content-type']).toBe(contentType(asset!));

    for (const feed of ['rss.xml', 'feed.json', 'feeds.opml', 'events.ics']) {
      const answer = await send(stack.portal, 'GET', site(feed));
      expect(answer.status, feed).toBe(200);
      expect(answer.headers['content-type'], feed).toBe(contentType(feed));
      expect(answer.headers['cache-control'], feed).toBe('public, max-age=0, must-revalidate');
    }
  });

  it('sends the path without its slash to the site, and answers an unknown address under it with the site’s 404 page', async () => {
    const bare = await send(stack.portal, 'GET', SITE_PATH.slice(0, -1));
    expect(bare.status).toBe(301);
    expect(new URL(String(bare.headers.location), stack.siteUrl).pathname).toBe(SITE_PATH);
    const answer = await send(stack.portal, 'GET', site('no-such-page/'));
    expect(answer.status).toBe(404);
    const { readFileSync } = await import('node:fs');
    expect(answer.text).toBe(readFileSync(`${stack.publisherDataDir}/live/404.html`, 'utf8'));
  });
});

describe('the public side', () => {
  const origin = () => new URL(stack.siteUrl).origin;

  it('takes a reader’s suggestion through the public route', async () => {
    const challenge = await send(stack.portal, 'GET', site('api/campaign-desk/participation/challenge'), {
      headers: { Origin: origin(), Accept: 'application/json' },
    });
    expect(challenge.status, challenge.text).toBe(200);
    const altcha = await solve(challenge.json as Challenge);
    const form = new FormData();
    const text = '建议在温泉新区增设夜间公交线路，经由 nginx 提交。';
    for (const [name, value] of Object.entries({ topic: 'shifanqu', text, consent: 'on', altcha })) form.append(name, value);
    const encoded = new Response(form);
    const answer = await send(stack.portal, 'POST', site('api/campaign-desk/participation/suggestion'), {
      headers: { Origin: origin(), Accept: 'application/json', 'Content-Type': encoded.headers.get('content-type')! },
      body: Buffer.from(await encoded.arrayBuffer()),
    });
    expect(answer.status, answer.text).toBe(201);
    const [stored] = await stack.rows(UID.submission, { text });
    expect(stored).toBeDefined();
  });

  it('passes a quiz’s answers to the CMS, which names what is missing', async () => {
    const body = Buffer.from('q-x=A');
    const answer = await send(stack.portal, 'POST', site('api/campaign-desk/participation/quiz/no-such-quiz'), {
      headers: { Origin: origin(), Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(answer.status, answer.text).toBe(404);
    expect(answer.json.error.message).toBe('没有这个竞答，或它已撤下。');
  });

  it('passes a reader’s question to a live to the CMS, which says the live is not there', async () => {
    const answer = await send(stack.portal, 'POST', site('api/campaign-desk/participation/live-question/no-such-live'), {
      headers: { Origin: origin(), Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: Buffer.from('question=%E4%BD%95%E6%97%B6%E5%BC%80%E5%A7%8B'),
    });
    expect(answer.status, answer.text).toBe(404);
    expect(answer.json.error.message).toBe('没有找到这场图文直播');
  });

  it('counts a reader’s like of a good deed, and serves every count for caches to keep half a minute', async () => {
    const deeds = `/content-manager/collection-types/${UID.goodDeed}`;
    const created = await call('chief', 'POST', deeds, {
      title: '经由 nginx 点赞的好事',
      doer: '某志愿者',
      date: '2020-06-05',
      description: '帮邻居修好了水管。',
    });
    const id = created.data.documentId as string;
    await call('chief', 'POST', `${deeds}/${id}/actions/publish`, {});
    const like = await send(stack.portal, 'POST', site(`api/campaign-desk/participation/like/good-deed/${id}`), {
      headers: { Origin: origin(), Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: Buffer.from('like=1'),
    });
    expect(like.status, like.text).toBe(200);
    expect(like.json).toMatchObject({ counted: true, count: 1 });
    // The site's page asks from its own host: no Origin.
    const counts = await send(stack.portal, 'GET', site('api/campaign-desk/participation/likes'));
    expect(counts.status, counts.text).toBe(200);
    expect(counts.headers['cache-control']).toBe('public, max-age=30');
    expect(counts.json.counts[`goodDeed:${id}`]).toBe(1);
  });

  it('passes a lecture booking to the CMS, which names what is missing', async () => {
    const answer = await send(stack.portal, 'POST', site('api/campaign-desk/participation/lecture/no-such-topic'), {
      headers: { Origin: origin(), Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: Buffer.from('unit=x'),
    });
    expect(answer.status, answer.text).toBe(404);
    expect(answer.json.error.message).toBe('没有这个宣讲题目，或它已不再接受预约。');
  });

  it.each([
    ['GET', '/admin/'],
    ['POST', site('api/campaign-desk/participation/like/story/abc')],
    ['POST', site('api/campaign-desk/participation/quiz/a/b')],
    ['POST', site('api/campaign-desk/participation/lecture/a/b')],
    ['POST', site('api/campaign-desk/participation/live-question/a/b')],
    ['POST', '/admin/login'],
    ['GET', '/api/campaign-desk/snapshot'],
    ['GET', site('api/campaign-desk/snapshot')],
    ['GET', site('api/campaign-desk/participation/../snapshot')],
    ['GET', site('api/campaign-desk/participation/%2e%2e/snapshot')],
    ['GET', site('api/campaign-desk/participation%2F..%2Fsnapshot')],
    ['GET', site('api/campaign-desk/participation/challenge/')],
    ['GET', site('api/campaign-desk/participation/suggestion/../../../../admin/')],
    ['GET', site('api/campaign-desk/participation')],
    ['DELETE', site('api/campaign-desk/participation/suggestion')],
    ['PUT', site('api/campaign-desk/participation/good-deed')],
    ['GET', site('uploads/')],
    ['GET', site('api/upload/files')],
    ['GET', site('content-manager/collection-types/plugin::campaign-desk.story')],
    ['GET', '/zt/liuda/../../admin/'],
  ])('refuses %s %s on the portal, and Strapi never sees it', async (method, path) => {
    // This request's lines that went to an upstream (other requests, the site's own, may reach Strapi meanwhile).
    const upstream = () =>
      stack.nginx
        .log('campaign-desk-site')
        .split('\n')
        .filter((line) => /127\.0\.0\.1:\d+$/.test(line) && line.includes(`${method} ${path} `)).length;
    const before = upstream();
    const answer: Answer = await send(stack.portal, method, path, { headers: { Origin: origin() } });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.headers['x-powered-by']).toBeUndefined();
    // It did not go to an upstream.
    expect(upstream()).toBe(before);
  });
});

describe('two instances', () => {
  const origin = () => new URL(stack.siteUrl).origin;
  /** A form's body with a solved challenge, as the site's script posts it. */
  async function suggestionWith(challenge: Challenge) {
    const altcha = await solve(challenge);
    const form = new FormData();
    for (const [name, value] of Object.entries({
      topic: 'shifanqu',
      text: '建议两台服务器共用一份限额，一个验证只能用一次。',
      consent: 'on',
      altcha,
    }))
      form.append(name, value);
    const encoded = new Response(form);
    return { type: encoded.headers.get('content-type')!, body: Buffer.from(await encoded.arrayBuffer()) };
  }

  it('share the work: nginx sent requests to both', () => {
    const log = stack.nginx.log('campaign-desk-cms');
    for (const port of stack.cmsPorts) expect(log).toContain(`127.0.0.1:${port}`);
  });

  it('give a flood from one address one allowance in all, not one each', async () => {
    const challenges = () =>
      stack.nginx
        .log('campaign-desk-site')
        .split('\n')
        .filter((line) => line.includes('/participation/challenge'));
    const before = challenges().length;
    // One reader (nginx appends its own address; the test's client is nginx's neighbour on loopback, so its word is believed).
    const statuses = await Promise.all(
      Array.from({ length: 40 }, () =>
        send(stack.portal, 'GET', site('api/campaign-desk/participation/challenge'), {
          headers: { Origin: origin(), Accept: 'application/json', 'X-Forwarded-For': '198.51.100.7' },
        }).then((answer) => answer.status),
      ),
    );
    // challengesPerAddress: 30 in ten minutes, whichever instance counted them.
    expect(statuses.filter((status) => status === 200)).toHaveLength(30);
    expect(statuses.filter((status) => status === 429)).toHaveLength(10);
    const flood = challenges().slice(before);
    for (const port of stack.cmsPorts)
      expect(
        flood.some((line) => line.endsWith(`127.0.0.1:${port}`)),
        `instance ${port}`,
      ).toBe(true);
  });

  it('take a solved challenge once, whichever instance each post reaches', async () => {
    const [first, second] = stack.cmsPorts.map((port) => ({ host: '127.0.0.1', port }));
    // A reader of its own (the instances believe loopback's X-Forwarded-For): the suite's other posts from loopback spent its lanes.
    const reader = { Origin: origin(), 'X-Forwarded-For': '198.51.100.23' };
    const challenge = await send(first!, 'GET', '/api/campaign-desk/participation/challenge', { headers: reader });
    expect(challenge.status, challenge.text).toBe(200);
    const { type, body } = await suggestionWith(challenge.json as Challenge);
    const post = (instance: typeof first) =>
      send(instance!, 'POST', '/api/campaign-desk/participation/suggestion', {
        headers: { ...reader, Accept: 'application/json', 'Content-Type': type },
        body,
      }).then((answer) => answer.status);
    // Both at once, one to each instance; then again to the first.
    expect((await Promise.all([post(first), post(second)])).sort()).toEqual([201, 409]);
    expect(await post(first)).toBe(409);
  });
});

editorsDay({ stack: () => stack, call, token: (role) => tokens[role] });
