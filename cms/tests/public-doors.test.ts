/**
 * The doors a neighbouring page or a hostile sender tries, through the real routes: the public
 * route's gate however its path is spelled, readers' files left in the temporary directory,
 * and CORS for the admin's and the site's origins only. None of it touches the database in a
 * way that differs between SQLite and PostgreSQL, so it runs once, on SQLite.
 */
import { watch, type FSWatcher } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARTICIPATION_MESSAGES } from '@campaign-desk/shared';
import { send, type Send } from './support/participation';
import { startCms, type TestCms } from './support/strapi';

const SITE = 'http://site.example.test:4321';
const ADMIN = 'http://cms.example.test:1337';
const EVIL = 'http://evil.example';
const CHALLENGES = 3;
/** Challenges given out in all, whatever the address. */
const ALL_CHALLENGES = 8;

let cms: TestCms;
let uploads: string;
let loopback = 10;
const nextAddress = () => `127.0.5.${(loopback += 1)}`;
const at = (pathname: string, options: Send = {}) => send(`${cms.url}${pathname}`, { from: nextAddress(), ...options });

describe.skipIf(process.env.TEST_DATABASE === 'postgres')('the public doors', () => {
  beforeAll(async () => {
    uploads = await mkdtemp(path.join(tmpdir(), 'campaign-uploads-'));
    cms = await startCms({
      env: {
        SITE_URL: SITE,
        PUBLIC_URL: ADMIN,
        UPLOAD_TMP_DIR: uploads,
        CAMPAIGN_DESK_PARTICIPATION_LIMITS: JSON.stringify({
          challengesPerAddress: { max: CHALLENGES, windowMs: 600_000 },
          challengesGlobal: { max: ALL_CHALLENGES, windowMs: 600_000 },
        }),
        CAMPAIGN_DESK_PARTICIPATION_PROOF: JSON.stringify({ cost: 1, counterMin: 0, counterMax: 50 }),
      },
    });
  });
  afterAll(async () => {
    await cms?.destroy();
    if (uploads) await rm(uploads, { recursive: true, force: true });
  });

  describe('the gate of the public route', () => {
    const SPELLINGS = [
      '/api/Campaign-Desk/participation/challenge',
      '/api/campaign-desk/PARTICIPATION/challenge',
      '/API/campaign-desk/participation/Challenge',
      '/api//campaign-desk/participation/challenge',
      '/api/campaign-desk//participation//challenge',
      '/api/campaign-desk/participation/challenge/',
      '/api/campaign-desk/participation/challenge.',
      '/api/campaign-desk/participation./challenge',
      '/api/campaign-desk/participation/%63hallenge',
      '/api/campaign-desk/%70articipation/challenge',
      '/api/campaign%2Ddesk/participation/challenge',
      '/api/campaign-desk/participation/%2563hallenge',
    ];

    it.each(SPELLINGS)('knows %s: from another origin it is refused', async (pathname) => {
      const answer = await at(pathname, { origin: EVIL });
      expect(answer.status).toBe(403);
      expect(answer.json.error.message).toBe(PARTICIPATION_MESSAGES.forbiddenOrigin);
    });

    it('gives a challenge to the site’s own same-origin read, which carries no Origin, and not to another site’s page', async () => {
      const challenge = '/api/campaign-desk/participation/challenge';
      expect((await at(challenge, { origin: null, headers: { 'Sec-Fetch-Site': 'same-origin' } })).status).toBe(200);
      expect((await at(challenge, { origin: null })).status).toBe(200);
      for (const site of ['cross-site', 'same-site']) {
        expect((await at(challenge, { origin: null, headers: { 'Sec-Fetch-Site': site } })).status, site).toBe(403);
      }
    });

    it('refuses a post to a spelling of a form without the site’s Origin, and one over the size limit before reading it', async () => {
      const posted = { raw: { body: Buffer.from('topic=qita&text=1234567890&consent=on'), type: 'application/x-www-form-urlencoded' } };
      expect((await at('/api/campaign-desk/Participation/suggestion', { ...posted, origin: null })).status).toBe(403);
      expect((await at('/api/campaign-desk/participation/%73uggestion', { ...posted, origin: EVIL })).status).toBe(403);
      const big = await at('/api/Campaign-Desk/participation/good-deed', {
        origin: SITE,
        raw: { body: Buffer.alloc(10 * 1024 * 1024, 0x61), type: 'multipart/form-data; boundary=x' },
      });
      expect(big.status).toBe(413);
    });

    it('counts every spelling against one allowance of challenges', async () => {
      const from = nextAddress();
      const statuses = [];
      for (const pathname of SPELLINGS.slice(0, CHALLENGES + 1)) statuses.push((await at(pathname, { origin: SITE, from })).status);
      // The router matches any case: the first spelling is served a challenge, as the plain path is.
      expect(statuses[0]).toBe(200);
      expect(statuses.slice(0, CHALLENGES)).not.toContain(429);
      expect(statuses[CHALLENGES]).toBe(429);
    });

    it('caps the challenges given out in all, whatever the addresses', async () => {
      const statuses = [];
      for (let index = 0; index < ALL_CHALLENGES; index += 1)
        statuses.push((await at('/api/campaign-desk/participation/challenge', { origin: SITE })).status);
      // The test before took its share: the cap is reached within these, and holds from then on.
      expect(statuses).toContain(429);
      const refused = await at('/api/campaign-desk/participation/challenge', { origin: SITE });
      expect(refused.status).toBe(429);
      expect(refused.json.error.message).toBe(PARTICIPATION_MESSAGES.busy);
    });
  });

  describe('readers’ files', () => {
    it('are gone from the temporary directory after every request, taken or refused', async () => {
      const written = new Set<string>();
      const watcher: FSWatcher = watch(uploads, (_event, name) => name && written.add(name));
      try {
        const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#1e6b2e' } })
          .png()
          .toBuffer();
        const photo = { body: png, name: 'IMG_0002.PNG', type: 'image/png' };
        const deed = {
          doer: '临时文件测试',
          place: 'tongshan',
          date: '2020-06-05',
          description: '帮助邻居修好了漏水的屋顶，没有收一分钱。',
          consent: 'on',
        };
        const posts: Array<[string, Send['fields'], number]> = [
          ['good-deed', { ...deed, photo }, 201],
          ['good-deed', { ...deed, description: '太短', photo }, 400],
          ['good-deed', { ...deed, other: photo }, 400],
          ['suggestion', { topic: 'qita', text: '照片不属于这个表单，应被拒绝并删除。', consent: 'on', photo }, 400],
          ['no-such-form', { ...deed, photo }, 404],
          ['good-deed', { ...deed, website: 'http://spam.example', photo }, 201],
        ];
        for (const [form, fields, status] of posts) {
          const answer = await at(`/api/campaign-desk/participation/${form}`, { origin: SITE, fields });
          expect([form, answer.status]).toEqual([form, status]);
          expect(await readdir(uploads)).toEqual([]);
        }
        // The posts did go through this directory: what is gone was there.
        expect(written.size).toBeGreaterThanOrEqual(posts.length);
      } finally {
        watcher.close();
      }
    });
  });

  describe('CORS', () => {
    const preflight = (pathname: string, origin: string) =>
      at(pathname, {
        method: 'OPTIONS',
        origin,
        headers: { 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
      });

    it('lets no other origin read an admin access token', async () => {
      const refused = await preflight('/admin/access-token', EVIL);
      expect(refused.headers['access-control-allow-origin']).toBeUndefined();
      expect(refused.headers['access-control-allow-credentials']).toBeUndefined();
      const post = await at('/admin/access-token', { origin: EVIL, raw: { body: Buffer.from('{}'), type: 'application/json' } });
      expect(post.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('answers the admin’s own origin with credentials, the site’s without', async () => {
      const admin = await preflight('/admin/access-token', ADMIN);
      expect(admin.headers['access-control-allow-origin']).toBe(ADMIN);
      expect(admin.headers['access-control-allow-credentials']).toBe('true');
      const site = await preflight('/api/campaign-desk/snapshot', SITE);
      expect(site.headers['access-control-allow-origin']).toBe(SITE);
      expect(site.headers['access-control-allow-credentials']).toBeUndefined();
    });

    it('answers the public route for the site’s origin only', async () => {
      const site = await preflight('/api/campaign-desk/participation/suggestion', SITE);
      expect([site.status, site.headers['access-control-allow-origin']]).toEqual([204, SITE]);
      for (const origin of [ADMIN, EVIL]) {
        const other = await preflight('/api/campaign-desk/participation/suggestion', origin);
        expect([other.status, other.headers['access-control-allow-origin']]).toEqual([403, undefined]);
      }
    });
  });
});
