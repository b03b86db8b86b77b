/**
 * Public participation through the public route, as readers (and floods) reach it, and the
 * newsroom's moderation through the admin API, as the 群众来稿 page calls it: validation,
 * origin, size, rate limits, the honeypot, the proof of work, the hostile set, photos,
 * encryption and retention of contact details, and adoption through the publish path.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { THANKS_PATH, snapshotPageSchema } from '@campaign-desk/shared';
import { PLUGIN_ID, UID } from 'strapi-plugin-campaign-desk/names';
import type contactVault from '../src/plugins/campaign-desk/server/src/participation/services/contact-vault';
import type countersService from '../src/plugins/campaign-desk/server/src/counters/services/counters';
import { CHINA_DAY, COUNTERS_TABLE } from '../src/plugins/campaign-desk/server/src/counters/services/counters';
import type proofService from '../src/plugins/campaign-desk/server/src/participation/services/proof';
import type rateLimits from '../src/plugins/campaign-desk/server/src/participation/services/rate-limits';
import type retention from '../src/plugins/campaign-desk/server/src/participation/services/retention';
import { call, signUp, type Person as Session } from '@campaign-desk/testing/newsroom';
import { pngBomb } from '@campaign-desk/testing/pixel-bomb';
import { fixtures } from './support/fixtures';
import { encode, send, solve, type Send } from './support/participation';
import { startCms, type TestCms } from './support/strapi';

const SITE = 'http://site.example.test:4321';
const LIMITS = {
  perAddress: { max: 4, windowMs: 600_000 },
  global: { max: 30, windowMs: 600_000 },
  withoutProofPerAddress: { max: 2, windowMs: 600_000 },
  withoutProofGlobal: { max: 3, windowMs: 600_000 },
};
/** A 64×48 HEIC photo (as an iPhone saves them), made with libheif's heif-enc. */
const HEIC =
  'AAAAHGZ0eXBoZWljAAAAAG1pZjFoZWljbWlhZgAAAaptZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAAAAAAA5waXRtAAAAAAACAAAAEGlkYXQAAAAAAEAAMAAAADhpbG9jAQAAAERAAAIAAQAAAAAAAAHOAAEAAAAAAAAAGgACAAEAAAAAAAAAAQAAAAAAAAAIAAAAOGlpbmYAAAAAAAIAAAAVaW5mZQIAAAEAAQAAaHZjMQAAAAAVaW5mZQIAAAAAAgAAZ3JpZAAAAADVaXBycAAAALNpcGNvAAAAc2h2Y0MBA3AAAAAAAAAAAAAe8AD8/fj4AAAPAyAAAQAYQAEMAf//A3AAAAMAkAAAAwAAAwAeugJAIQABACdCAQEDcAAAAwCQAAADAAADAB6gIIEFlurkprmwIAAAAwAgAAADACEiAAEABkQBwXPAiQAAABRpc3BlAAAAAAAAAEAAAABAAAAAFGlzcGUAAAAAAAAAQAAAADAAAAAQcGl4aQAAAAADCAgIAAAAGmlwbWEAAAAAAAAAAgABAoECAAICA4QAAAAaaXJlZgAAAAAAAAAOZGltZwACAAEAAQAAACJtZGF0AAAAFigBrxmA70mlv//iAt/wWb+0rWmPm4A=';

let cms: TestCms;
let words: string;
let editor: Session;
let reporter: Session;
let loopback = 10;

const service = <T>(name: string) => cms.strapi.plugin(PLUGIN_ID).service(name) as T;
const limits = () => service<ReturnType<typeof rateLimits>>('rate-limits');
const vault = () => service<ReturnType<typeof contactVault>>('contact-vault');
const base = () => `${cms.url}/api/campaign-desk/participation`;
/** A fresh loopback address, so one test's posts do not count against another's. */
const nextAddress = () => `127.0.3.${(loopback += 1)}`;

const suggestion = { topic: 'shifanqu', text: '建议在温泉新区增设夜间公交线路，方便游客和市民出行。', consent: 'on' };
const deed = {
  doer: '通山县某村党员',
  place: 'tongshan',
  date: '2020-06-05',
  description: '冒雨帮助村民抢收晾晒的稻谷，没留姓名就走了。',
  consent: 'on',
};

function post(form: string, options: Send) {
  return send(`${base()}/${form}`, { origin: SITE, from: options.from ?? nextAddress(), ...options });
}

async function proof(): Promise<string> {
  return solve(await service<ReturnType<typeof proofService>>('proof').challenge());
}

async function submissions(where: Record<string, unknown> = {}) {
  return (await cms.strapi.db.query(UID.submission).findMany({ where, populate: { photo: true }, orderBy: { id: 'asc' } })) as Array<
    Record<string, any>
  >;
}

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'campaign-words-'));
  words = path.join(dir, 'words.txt');
  writeFileSync(words, '# 敏感词，一行一个\n违禁词\nBADWORD\n');
  cms = await startCms({
    env: {
      SITE_URL: SITE,
      CAMPAIGN_DESK_SENSITIVE_WORDS_FILE: words,
      CAMPAIGN_DESK_PARTICIPATION_LIMITS: JSON.stringify(LIMITS),
      // Cheap to solve: these tests are about the checks, not the cost.
      CAMPAIGN_DESK_PARTICIPATION_PROOF: JSON.stringify({ cost: 1, counterMin: 0, counterMax: 50 }),
    },
  });
  editor = await signUp(cms, 'campaign-desk-editor', '编辑');
  reporter = await signUp(cms, 'campaign-desk-reporter', '记者');
});
afterAll(async () => {
  await cms?.destroy();
  rmSync(path.dirname(words), { recursive: true, force: true });
});
beforeEach(() => limits().reset());

describe('the public route', () => {
  it('takes a suggestion with a solved challenge from the site’s script and keeps the contact encrypted', async () => {
    const challenge = await send(`${base()}/challenge`, { origin: SITE });
    expect(challenge.status).toBe(200);
    expect(challenge.headers['access-control-allow-origin']).toBe(SITE);
    expect(challenge.json.parameters.algorithm).toBe('PBKDF2/SHA-256');

    const answer = await post('suggestion', {
      fields: { ...suggestion, name: '热心市民', contact: '13800138000', altcha: await solve(challenge.json) },
    });
    expect(answer.status, answer.text).toBe(201);
    expect(answer.json).toEqual({ ok: true, message: expect.stringContaining('提交成功') });
    const [row] = await submissions({ text: suggestion.text });
    expect(row).toMatchObject({ kind: 'suggestion', status: 'pending', topic: 'shifanqu', name: '热心市民', proven: true });
    // At rest the contact is ciphertext in a table of its own, nowhere in the submission.
    const sealed = await vault().stored(row!.documentId);
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('13800138000');
    expect(JSON.stringify(row)).not.toContain('13800138000');
    expect((await vault().reveal([row!.documentId])).get(row!.documentId)?.contact).toBe('13800138000');
  });

  it('takes the plain form (no JavaScript) and sends the reader to the thank-you page', async () => {
    const answer = await post('suggestion', { as: 'page', fields: { ...suggestion, text: `${suggestion.text}（无脚本）` } });
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe(new URL(THANKS_PATH, SITE).href);
    expect(await submissions({ text: `${suggestion.text}（无脚本）`, proven: false })).toHaveLength(1);
  });

  it('answers a site under a portal’s path there: the thank-you page and “返回” under the path, never the portal’s pages', async () => {
    const key = `plugin::${PLUGIN_ID}.participation`;
    const saved = cms.strapi.config.get<Record<string, unknown>>(key);
    const portal = `${SITE}/zt/liuda/`;
    cms.strapi.config.set(key, { ...saved, siteUrl: portal });
    try {
      const taken = await post('suggestion', { as: 'page', fields: { ...suggestion, text: `${suggestion.text}（专栏）` } });
      expect(taken.status).toBe(303);
      expect(taken.headers.location).toBe(`${portal}xiexie/`);
      // Refused before anything is counted (another origin), with the page a plain form gets.
      const back = (referer: string) =>
        post('suggestion', { as: 'page', origin: 'https://evil.example', headers: { Referer: referer }, fields: suggestion }).then(
          (answer) => /或<a href="([^"]*)">返回专题网站/.exec(answer.text)?.[1],
        );
      expect(await back(`${portal}jianyan/`)).toBe(`${portal}jianyan/`);
      expect(await back(`${SITE}/jianyan/`)).toBe(portal);
    } finally {
      cms.strapi.config.set(key, saved);
    }
  });

  it('answers a wrong form with a 400 naming each field in Chinese, as JSON for the script and as a page for the plain form', async () => {
    const json = await post('suggestion', { fields: { topic: 'nope', text: '太短', contact: 'x' } });
    expect(json.status).toBe(400);
    expect(json.json.error.message).toContain('建议内容至少需要 10 个字');
    expect(json.json.error.details.errors.map((error: { field: string }) => error.field)).toEqual(['topic', 'text', 'contact', 'consent']);

    const page = await post('suggestion', { as: 'page', fields: { ...suggestion, text: '短', '<b>evil</b>': 'x' } });
    expect(page.status).toBe(400);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('建议内容至少需要 10 个字');
    // A field name a sender made up is shown as text, never as markup.
    expect(page.text).toContain('&lt;b&gt;evil&lt;/b&gt;');
    expect(page.text).not.toContain('<b>evil</b>');
    expect(await submissions({ text: '短' })).toHaveLength(0);
  });

  it('answers only the site: another Origin or none is refused, the preflight names the site', async () => {
    expect((await post('suggestion', { origin: 'https://evil.example', fields: suggestion })).status).toBe(403);
    expect((await post('suggestion', { origin: null, fields: suggestion })).status).toBe(403);
    const preflight = await send(`${base()}/suggestion`, { method: 'OPTIONS', origin: SITE });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(SITE);
    expect(preflight.headers['access-control-allow-methods']).toBe('GET, POST');
    // The rest of Strapi's API is not the gate's business.
    expect((await send(`${cms.url}/api/campaign-desk/snapshot`, { origin: 'https://evil.example' })).status).toBe(401);
  });

  it('refuses a body over the limit before reading it, one without a length, and other body types', async () => {
    const big = await post('good-deed', { raw: { body: Buffer.alloc(10 * 1024 * 1024, 0x61), type: 'multipart/form-data; boundary=x' } });
    expect(big.status).toBe(413);
    expect(big.json.error.message).toContain('8 MB');
    const chunked = await post('suggestion', {
      raw: { body: Buffer.from('topic=qita'), type: 'application/x-www-form-urlencoded' },
      headers: { 'Transfer-Encoding': 'chunked', 'Content-Length': '' },
    });
    expect([400, 411]).toContain(chunked.status);
    expect((await post('suggestion', { raw: { body: Buffer.from('<x/>'), type: 'text/xml' } })).status).toBe(415);
  });

  it('limits each address, and says when to try again', async () => {
    const from = nextAddress();
    const answers = [];
    for (let index = 0; index < LIMITS.perAddress.max + 1; index += 1) {
      answers.push(await post('suggestion', { from, fields: { ...suggestion, altcha: await proof() } }));
    }
    expect(answers.slice(0, -1).map((answer) => answer.status)).toEqual(Array(LIMITS.perAddress.max).fill(201));
    const refused = answers.at(-1)!;
    expect(refused.status).toBe(429);
    // Four in one window of ten minutes weigh three once a quarter of the next has passed.
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(150);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(750);
    expect(refused.json.error.message).toBe('提交太频繁，请稍后再试。');
    // Another address is not held up.
    expect((await post('suggestion', { fields: { ...suggestion, altcha: await proof() } })).status).toBe(201);
  });

  it('gives the plain form a lane of its own, smaller than the one a solved challenge opens', async () => {
    const statuses = [];
    for (let index = 0; index < LIMITS.withoutProofGlobal.max + 1; index += 1) {
      statuses.push((await post('suggestion', { fields: suggestion })).status);
    }
    expect(statuses).toEqual([...Array(LIMITS.withoutProofGlobal.max).fill(201), 429]);
    expect((await post('suggestion', { fields: { ...suggestion, altcha: await proof() } })).status).toBe(201);
  });

  it('keeps nothing a bot sends through the honeypot, and tells it what a person is told', async () => {
    const text = '蜜罐测试：这条不应该被保存下来。';
    const answer = await post('suggestion', { fields: { ...suggestion, text, website: 'http://spam.example' } });
    expect(answer.status).toBe(201);
    expect(await submissions({ text })).toHaveLength(0);
  });

  it('accepts each solved challenge once, and refuses a forged or expired one', async () => {
    const altcha = await proof();
    expect((await post('suggestion', { fields: { ...suggestion, altcha } })).status).toBe(201);
    const again = await post('suggestion', { fields: { ...suggestion, altcha } });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toContain('已经用过');

    const forged = JSON.parse(Buffer.from(await proof(), 'base64').toString('utf8'));
    forged.challenge.parameters.cost = 2;
    const answer = await post('suggestion', { fields: { ...suggestion, altcha: Buffer.from(JSON.stringify(forged)).toString('base64') } });
    expect(answer.status).toBe(400);
    expect(answer.json.error.details.errors[0]).toMatchObject({ field: 'altcha', label: '人机验证' });
    expect((await post('suggestion', { fields: { ...suggestion, altcha: 'not base64 json' } })).status).toBe(400);
  });

  it('flags sensitive words, however they are spaced or cased, and still keeps the submission for a person to judge', async () => {
    const text = '这里有一个 违 禁 词，还有 badword，请编辑看看。';
    expect((await post('suggestion', { fields: { ...suggestion, text } })).status).toBe(201);
    const [row] = await submissions({ text });
    expect(row).toMatchObject({ status: 'pending', flags: ['违禁词', 'BADWORD'] });
  });
});

describe('the hostile set', () => {
  it('keeps markup as inert text, removes control and direction characters, and refuses what cannot be text', async () => {
    const hostile = '<script>alert(1)</script><img src=x onerror="alert(2)"> 请\u202e看\u0007这\u2066条\u0000建议 javascript:alert(3)';
    expect((await post('suggestion', { fields: { ...suggestion, text: hostile, name: '<svg onload=alert(4)>' } })).status).toBe(201);
    const [row] = await submissions({ name: '<svg onload=alert(4)>' });
    expect(row!.text).toBe('<script>alert(1)</script><img src=x onerror="alert(2)"> 请看这条建议 javascript:alert(3)');

    const long = await post('suggestion', { fields: { ...suggestion, text: '长'.repeat(20_000) } });
    expect(long.status).toBe(400);
    expect(long.json.error.message).toContain('最多 2000 个字');

    // Bytes that are not UTF-8, sent raw as a form would.
    const broken = Buffer.concat([
      Buffer.from('topic=qita&consent=on&text='),
      Buffer.from('坏的编码在这里：'),
      Buffer.from([0xc3, 0x28, 0xa0, 0xa1]),
      Buffer.from('后面还有一些文字。'),
    ]);
    const answer = await post('suggestion', { raw: { body: broken, type: 'application/x-www-form-urlencoded; charset=utf-8' } });
    expect(answer.status).toBe(400);
    expect(answer.json.error.message).toContain('无法识别的字符');
  });

  it('refuses a “PNG” that is really HTML, whatever its name and type say', async () => {
    const html = Buffer.from('<html><script>alert(document.cookie)</script></html>');
    const answer = await post('good-deed', { fields: { ...deed, photo: { body: html, name: 'deed.png', type: 'image/png' } } });
    expect(answer.status).toBe(400);
    expect(answer.json.error.details.errors[0]).toMatchObject({ field: 'photo', message: expect.stringContaining('JPEG、PNG 或 HEIC') });
    expect(
      await cms.strapi.db.query('plugin::upload.file').count({ where: { name: { $startsWith: 'qunzhong-' }, mime: 'text/html' } }),
    ).toBe(0);
  });
});

describe('photos', () => {
  it('are resized and stored without EXIF: the place a photo was taken is gone', async () => {
    const photo = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#1e6b2e' } })
      .withExif({
        IFD0: { Make: 'Phone', Copyright: 'reader' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '29/1 50/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '114/1 19/1 0/1' },
      })
      .jpeg()
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const answer = await post('good-deed', {
      fields: { ...deed, doer: '带照片的好人', figure: '', photo: { body: photo, name: 'IMG_0001.JPG', type: 'image/jpeg' } },
    });
    expect(answer.status, answer.text).toBe(201);
    const [row] = await submissions({ doer: '带照片的好人' });
    const stored = await sharp(path.join(cms.strapi.dirs.static.public, row!.photo.url)).metadata();
    expect(stored).toMatchObject({ format: 'jpeg', width: 1600, height: 1067 });
    expect(stored.exif).toBeUndefined();
  });

  it('take HEIC from phones and PNG', async () => {
    const png = await sharp({ create: { width: 80, height: 60, channels: 4, background: '#ffffff' } })
      .png()
      .toBuffer();
    for (const [doer, body, type] of [
      ['HEIC 照片的好人', Buffer.from(HEIC, 'base64'), 'image/heic'],
      ['PNG 照片的好人', png, 'image/png'],
    ] as const) {
      const answer = await post('good-deed', { fields: { ...deed, doer, photo: { body, name: 'photo', type } } });
      expect(answer.status, answer.text).toBe(201);
      const [row] = await submissions({ doer });
      expect(row!.photo).toMatchObject({ mime: 'image/jpeg' });
    }
  });
});

describe('photos that claim too many pixels', () => {
  /** The HEIC above, its image said (in `ispe` and the grid) to be `side`×`side` pixels. */
  function heicClaiming(side: number): Buffer {
    const bytes = Buffer.from(HEIC, 'base64');
    bytes.writeUInt32BE(side, 378);
    bytes.writeUInt32BE(side, 382);
    bytes.writeUInt16BE(side, 99);
    bytes.writeUInt16BE(side, 101);
    return bytes;
  }

  it('are refused from their header, before decoding, with the reason named on the photo field', async () => {
    // Every HEIC decode passes libheif-js's HeifImage.display, in the module the plugin loads (one process).
    const plugin = createRequire(new URL('../src/plugins/campaign-desk/package.json', import.meta.url));
    const { HeifImage } = createRequire(plugin.resolve('heic-decode'))('libheif-js/wasm-bundle') as {
      HeifImage: { prototype: { display: (...args: unknown[]) => unknown } };
    };
    const display = HeifImage.prototype.display;
    let decoded = 0;
    HeifImage.prototype.display = function (this: unknown, ...args: unknown[]) {
      decoded += 1;
      return display.apply(this, args);
    };
    onTestFinished(() => {
      HeifImage.prototype.display = display;
    });
    for (const [doer, body, type] of [
      ['像素炸弹 PNG', pngBomb(30_000), 'image/png'],
      ['像素炸弹 HEIC', heicClaiming(10_000), 'image/heic'],
    ] as const) {
      const answer = await post('good-deed', { fields: { ...deed, doer, photo: { body, name: 'photo', type } } });
      expect(answer.status, answer.text).toBe(400);
      expect(answer.json.error.details.errors).toEqual([
        expect.objectContaining({ field: 'photo', label: '照片', message: expect.stringContaining('照片像素太多：最多 6000 万像素') }),
      ]);
      expect(await submissions({ doer })).toEqual([]);
    }
    expect(decoded).toBe(0);
    // The same HEIC as it really is is decoded (the count sees decoding), and taken.
    const answer = await post('good-deed', {
      fields: { ...deed, doer: '像素如实的 HEIC', photo: { body: Buffer.from(HEIC, 'base64'), name: 'p', type: 'image/heic' } },
    });
    expect(answer.status, answer.text).toBe(201);
    expect(decoded).toBe(1);
  });
});

describe('moderation', () => {
  async function pending(text: string, extra: Record<string, string> = {}) {
    expect((await post('suggestion', { fields: { ...suggestion, text, contact: 'reader@example.com', ...extra } })).status).toBe(201);
    const [row] = await submissions({ text });
    return row!.documentId as string;
  }

  it('is for those granted it: editors see the queue with the contact, reporters do not', async () => {
    const documentId = await pending('请编辑部看看这条待审核的建议。');
    expect((await call(cms, reporter, 'GET', '/campaign-desk/submissions')).status).toBe(403);
    const queue = await call(cms, editor, 'GET', '/campaign-desk/submissions?status=pending&kind=suggestion');
    expect(queue.status).toBe(200);
    const item = queue.body.items.find((entry: { documentId: string }) => entry.documentId === documentId);
    expect(item).toMatchObject({ status: 'pending', topic: '转型发展示范区', contact: 'reader@example.com', proven: false });
    expect(queue.body.counts.pending).toBeGreaterThan(0);
  });

  it('adopts a suggestion with the newsroom’s reply and publishes it, without the contact, through the snapshot and an event', async () => {
    const documentId = await pending('建议在咸宁高新区设立企业服务一站式窗口。');
    const refused = await call(cms, editor, 'POST', `/campaign-desk/submissions/${documentId}/moderate`, { action: 'adopt' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('回复');

    const adopted = await call(cms, editor, 'POST', `/campaign-desk/submissions/${documentId}/moderate`, {
      action: 'adopt',
      reply: '感谢建议，已转市营商办研究。',
    });
    expect(adopted.status, JSON.stringify(adopted.body)).toBe(200);
    expect(adopted.body).toMatchObject({ status: 'adopted', moderator: '测试编辑', reply: '感谢建议，已转市营商办研究。' });

    const token = await fixtures(cms.strapi).apiToken();
    const snapshot = snapshotPageSchema.parse(
      await (await fetch(`${cms.url}/api/campaign-desk/snapshot?limit=500`, { headers: { Authorization: `Bearer ${token}` } })).json(),
    );
    const record = snapshot.records.find((entry) => entry.documentId === adopted.body.publishedAs);
    expect(record).toMatchObject({ type: 'suggestion', topic: 'shifanqu', reply: '感谢建议，已转市营商办研究。', name: null });
    expect(JSON.stringify(snapshot)).not.toContain('reader@example.com');
    expect(await cms.strapi.db.query(UID.outboxEvent).count({ where: { recordId: adopted.body.publishedAs, type: 'publish' } })).toBe(1);

    const twice = await call(cms, editor, 'POST', `/campaign-desk/submissions/${documentId}/moderate`, {
      action: 'reject',
      reason: '重复',
    });
    expect(twice.status).toBe(400);
    expect(twice.body.error.message).toContain('已处理（已采纳）');
  });

  it('adopts a good deed into the relay, marked as reported by the public, with its photo', async () => {
    const png = await sharp({ create: { width: 120, height: 90, channels: 3, background: '#a4161a' } })
      .png()
      .toBuffer();
    expect(
      (await post('good-deed', { fields: { ...deed, doer: '采纳的好人', photo: { body: png, name: 'p.png', type: 'image/png' } } })).status,
    ).toBe(201);
    const [row] = await submissions({ doer: '采纳的好人' });
    const adopted = await call(cms, editor, 'POST', `/campaign-desk/submissions/${row!.documentId}/moderate`, {
      action: 'adopt',
      title: '村民冒雨抢收稻谷',
    });
    expect(adopted.status, JSON.stringify(adopted.body)).toBe(200);
    const published = (await cms.strapi.db.query(UID.goodDeed).findOne({
      where: { documentId: adopted.body.publishedAs, publishedAt: { $notNull: true } },
      populate: { photo: true, place: true },
    })) as Record<string, any>;
    expect(published).toMatchObject({ title: '村民冒雨抢收稻谷', doer: '采纳的好人', reportedByPublic: true, place: { slug: 'tongshan' } });
    expect(published.photo.id).toBe(row!.photo.id);
  });

  it('rejects with a reason (the photo leaves the media library) and turns a submission into a linked draft story', async () => {
    const png = await sharp({ create: { width: 50, height: 50, channels: 3, background: '#000000' } })
      .png()
      .toBuffer();
    expect(
      (await post('good-deed', { fields: { ...deed, doer: '未采纳的好人', photo: { body: png, name: 'p.png', type: 'image/png' } } }))
        .status,
    ).toBe(201);
    const [rejectedRow] = await submissions({ doer: '未采纳的好人' });
    expect(
      (await call(cms, editor, 'POST', `/campaign-desk/submissions/${rejectedRow!.documentId}/moderate`, { action: 'reject' })).status,
    ).toBe(400);
    const rejected = await call(cms, editor, 'POST', `/campaign-desk/submissions/${rejectedRow!.documentId}/moderate`, {
      action: 'reject',
      reason: '无法核实',
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', reason: '无法核实', photo: null });
    expect(await cms.strapi.db.query('plugin::upload.file').count({ where: { id: rejectedRow!.photo.id } })).toBe(0);

    const documentId = await pending('建议组织一次“六大”活动主题征文，让更多群众参与。');
    const converted = await call(cms, editor, 'POST', `/campaign-desk/submissions/${documentId}/moderate`, { action: 'convert' });
    expect(converted.status, JSON.stringify(converted.body)).toBe(200);
    expect(converted.body.status).toBe('converted');
    const story = (await cms.strapi.db
      .query(UID.story)
      .findOne({ where: { documentId: converted.body.story.documentId }, populate: { theme: true } })) as Record<string, any>;
    expect(story).toMatchObject({ publishedAt: null, reviewStage: 'draft', theme: { slug: 'shifanqu' } });
    expect(story.title).toMatch(/^群众建言：建议组织一次/);
    expect(JSON.stringify(story.body)).toContain('来源：读者通过专题网站提交');
  });
});

describe('contact details', () => {
  it('are deleted once the retention period is over', async () => {
    const text = '留有联系方式的建议，到期后应删除联系方式。';
    expect((await post('suggestion', { fields: { ...suggestion, text, contact: '0715-8123456' } })).status).toBe(201);
    const [row] = await submissions({ text });
    const kept = (await vault().reveal([row!.documentId])).get(row!.documentId)!;
    const days = Math.round((kept.deleteAfter.getTime() - new Date(row!.receivedAt).getTime()) / 86_400_000);
    expect(days).toBe(180);
    const sweep = service<ReturnType<typeof retention>>('retention');
    // (Contacts sent by earlier tests are a little older and go first.)
    await sweep.sweep(new Date(kept.deleteAfter.getTime() - 1000));
    expect(await vault().stored(row!.documentId)).not.toBeNull();
    expect(await sweep.sweep(new Date(kept.deleteAfter.getTime() + 1000))).toBeGreaterThanOrEqual(1);
    expect(await vault().stored(row!.documentId)).toBeNull();
    // The submission itself stays for the newsroom to judge.
    expect(await submissions({ text })).toHaveLength(1);
  });
});

describe('a flood', () => {
  it('of 200 concurrent submissions from 200 loopback addresses: each one taken is stored once, the rest get 429, the admin still answers', async () => {
    const proofs = await Promise.all(Array.from({ length: 200 }, () => proof()));
    const bodies = await Promise.all(
      proofs.map((altcha, index) => encode({ ...suggestion, text: `洪水测试第 ${index} 条建议，内容足够长。`, altcha })),
    );
    const answers = await Promise.all([
      ...bodies.map((raw, index) => post('suggestion', { raw, from: `127.0.9.${index + 1}` })),
      // Meanwhile, the newsroom.
      call(cms, editor, 'GET', '/campaign-desk/submissions'),
    ]);
    const admin = answers.pop()!;
    expect(admin.status).toBe(200);
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(LIMITS.global.max);
    expect(statuses.filter((status) => status === 429)).toHaveLength(200 - LIMITS.global.max);
    const stored = await submissions({ text: { $startsWith: '洪水测试第' } });
    expect(stored).toHaveLength(LIMITS.global.max);
    expect(new Set(stored.map((row) => row.text)).size).toBe(LIMITS.global.max);
    expect((await call(cms, editor, 'GET', '/campaign-desk/submissions')).status).toBe(200);
  });
});

describe('the counters every instance shares', () => {
  const counters = () => service<ReturnType<typeof countersService>>('counters');
  const MINUTE = 60_000;
  /** The start of a window of a minute, some time ago. */
  const start = Math.floor(Date.now() / MINUTE) * MINUTE - 10 * MINUTE;
  const rows = async () => Number((await cms.strapi.db.connection(COUNTERS_TABLE).count({ n: '*' }).first())!.n);

  it('give `max` in a window, then refuse with the seconds until the last window has slid far enough out', async () => {
    const allowance = { max: 4, windowMs: MINUTE };
    const take = (at: number, subject = '203.0.113.9') => counters().take('test:slide', subject, allowance, at);
    for (let index = 0; index < 4; index += 1) expect((await take(start + 30_000)).ok).toBe(true);
    const refused = await take(start + 30_000);
    // Four taken at 0:30 weigh three at 1:15 (a quarter of their window slid out): one more then.
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 45 });
    expect((await take(start + 30_000, '203.0.113.10')).ok).toBe(true);
    expect((await take(start + MINUTE + 14_000)).ok).toBe(false);
    expect((await take(start + MINUTE + 15_000)).ok).toBe(true);
    expect((await take(start + MINUTE + 15_000)).ok).toBe(false);
    // Two windows on, the first counts no more.
    for (let index = 0; index < 3; index += 1) expect((await take(start + 2 * MINUTE + 59_000)).ok).toBe(true);
  });

  it('take back what was given back, and count a subject longer than the column by its hash', async () => {
    const allowance = { max: 1, windowMs: MINUTE };
    const long = 'x'.repeat(1000);
    const taken = await counters().take('test:give-back', long, allowance, start);
    expect(taken.ok).toBe(true);
    expect((await counters().take('test:give-back', long, allowance, start)).ok).toBe(false);
    expect((await counters().take('test:give-back', `${long}y`, allowance, start)).ok).toBe(true);
    if (taken.ok) await counters().giveBack(taken.ticket);
    expect((await counters().take('test:give-back', long, allowance, start)).ok).toBe(true);
  });

  it('let exactly `max` of many concurrent takes through', async () => {
    const now = Date.now();
    const verdicts = await Promise.all(
      Array.from({ length: 60 }, () => counters().take('test:race', 'one', { max: 25, windowMs: 10 * MINUTE }, now)),
    );
    expect(verdicts.filter((verdict) => verdict.ok)).toHaveLength(25);
  });

  it('say whether a subject is seen for the first time today in China, and keep running totals', async () => {
    // 15:59 UTC is 23:59 in 咸宁; a minute later it is another day there.
    const evening = Date.UTC(2026, 11, 7, 15, 59);
    const firstTime = (at: number, subject = 'reader-1:story-9') => counters().firstTime('test:like', subject, CHINA_DAY, at);
    expect(await firstTime(evening)).toBe(true);
    expect(await firstTime(evening + 30_000)).toBe(false);
    expect(await firstTime(evening, 'reader-2:story-9')).toBe(true);
    expect(await firstTime(evening - 16 * 60 * MINUTE)).toBe(false);
    expect(await firstTime(evening + MINUTE)).toBe(true);

    expect(await counters().add('test:likes', 'story-9')).toBe(1);
    expect(await counters().add('test:likes', 'story-9', 2)).toBe(3);
    expect(await counters().add('test:likes', 'story-9', -1)).toBe(2);
    const totals = await counters().totals('test:likes', ['story-9', 'story-10']);
    expect([...totals]).toEqual([
      ['story-9', 2],
      ['story-10', 0],
    ]);
  });

  it('delete rows whose time is over in bounded batches, and keep the rest', async () => {
    await counters().reset(['test:sweep']);
    const before = await rows();
    const old = start - 60 * MINUTE;
    await Promise.all(
      Array.from({ length: 1500 }, (_, index) => counters().firstTime('test:sweep', `s${index}`, { periodMs: MINUTE }, old)),
    );
    await counters().firstTime('test:sweep', 'now', { periodMs: 60 * MINUTE });
    await counters().add('test:sweep', 'for good');
    expect(await rows()).toBe(before + 1502);
    expect(await counters().sweep(start)).toBeGreaterThanOrEqual(1500);
    expect(await rows()).toBeLessThanOrEqual(before + 2);
    expect(await counters().firstTime('test:sweep', 'now', { periodMs: 60 * MINUTE })).toBe(false);
    expect((await counters().totals('test:sweep', ['for good'])).get('for good')).toBe(1);
  });
});
