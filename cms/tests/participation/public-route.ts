import { describe, expect, it } from 'vitest';
import { THANKS_PATH } from '@campaign-desk/shared';
import { PLUGIN_ID } from 'strapi-plugin-campaign-desk/names';
import { solve } from '@campaign-desk/testing/proof-of-work';
import { send } from '../support/participation';
import { LIMITS, SITE, base, cms, deed, nextAddress, post, proof, submissions, suggestion, vault } from './reader';

export function publicRoute(): void {
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
      expect(json.json.error.details.errors.map((error: { field: string }) => error.field)).toEqual([
        'topic',
        'text',
        'contact',
        'consent',
      ]);

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
      const answer = await post('suggestion', {
        fields: { ...suggestion, altcha: Buffer.from(JSON.stringify(forged)).toString('base64') },
      });
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
}
