import { beforeAll, describe, expect, it } from 'vitest';
import { UID } from 'strapi-plugin-campaign-desk/names';
import type likesService from '../../src/plugins/campaign-desk/server/src/likes/services/likes';
import { call } from '@campaign-desk/testing/newsroom';
import { LIMITS, SITE, base, cms, editor, nextAddress, reporter, service } from './reader';
import { send, type Send } from '../support/participation';

/** 点赞 through the public route: one per reader per item a day, the lanes under floods, the hostile set, and 统计's most liked. */
export function likes(): void {
  describe('点赞', () => {
    const ids = { deed: '', figure: '', suggestion: '', draft: '', withdrawn: '' };
    const counts = async () => {
      service<ReturnType<typeof likesService>>('likes').forget();
      return (await send(`${base()}/likes`, { origin: null })).json.counts as Record<string, number>;
    };
    const like = (kind: string, id: string, options: Send = {}) =>
      send(`${base()}/like/${kind}/${id}`, {
        origin: SITE,
        from: options.from ?? nextAddress(),
        raw: { body: Buffer.from('like=1'), type: 'application/x-www-form-urlencoded' },
        ...options,
      });
    const create = async (uid: string, data: Record<string, unknown>, publish = true) => {
      const made = (await cms.strapi.documents(uid as never).create({ data } as never)) as { documentId: string };
      if (publish) await cms.strapi.documents(uid as never).publish({ documentId: made.documentId } as never);
      return made.documentId;
    };
    const deed = { title: '雨中抢收稻谷', doer: '通山县某村党员', date: '2020-06-05', description: '冒雨帮助村民抢收。' };

    beforeAll(async () => {
      ids.deed = await create(UID.goodDeed, deed);
      ids.figure = await create(UID.figure, { name: '唐光友', summary: '扎根乡村的好支书。' });
      ids.suggestion = await create(UID.suggestion, {
        topic: 'shifanqu',
        text: '建议增设夜间公交线路。',
        reply: '已转交研究。',
        receivedOn: '2020-06-01',
        repliedOn: '2020-06-03',
      });
      ids.draft = await create(UID.goodDeed, { ...deed, title: '草稿' }, false);
      ids.withdrawn = await create(UID.goodDeed, { ...deed, title: '已撤下' });
      expect((await like('good-deed', ids.withdrawn)).status).toBe(200);
      await cms.strapi.documents(UID.goodDeed as never).unpublish({ documentId: ids.withdrawn } as never);
    });

    it('counts one like per reader per item a day, as the script and as the plain form, and the counts the site reads', async () => {
      const reader = nextAddress();
      const first = await like('good-deed', ids.deed, { from: reader });
      expect(first.status, first.text).toBe(200);
      expect(first.json).toEqual({ ok: true, counted: true, count: 1, message: '点赞成功，谢谢您的支持！' });
      expect((await like('good-deed', ids.deed, { from: reader })).json).toMatchObject({ counted: false, count: 1 });
      // However the path spells the same item, it is the same like.
      expect((await like('GOOD-DEED', `${ids.deed}/`, { from: reader })).json).toMatchObject({ counted: false, count: 1 });
      expect((await like('good-deed', ids.deed)).json).toMatchObject({ counted: true, count: 2 });
      const page = await like('good-deed', ids.deed, { as: 'page', headers: { Referer: `${SITE}/goodDeeds/` } });
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toContain('这条好人好事现在共有 <strong>3</strong> 个赞');
      expect(page.text).toContain(`href="${SITE}/goodDeeds/"`);
      for (const [kind, id] of [
        ['figure', ids.figure],
        ['suggestion', ids.suggestion],
      ] as const)
        expect((await like(kind, id, { from: reader })).json).toMatchObject({ counted: true, count: 1 });

      const answer = await send(`${base()}/likes`, { origin: null });
      expect(answer.status).toBe(200);
      expect(answer.headers['cache-control']).toBe('public, max-age=30');
      expect(answer.headers['access-control-allow-origin']).toBe(SITE);
      expect(await counts()).toMatchObject({
        [`goodDeed:${ids.deed}`]: 3,
        [`figure:${ids.figure}`]: 1,
        [`suggestion:${ids.suggestion}`]: 1,
      });
    });

    it('refuses, in Chinese, every other spelling of an item, every other body, and counts nothing for them', async () => {
      const before = await counts();
      const refusals: Array<[string, string, Send, number, string]> = [
        ['story', ids.deed, {}, 404, '只能为好人好事、典型人物和已采纳的建言点赞'],
        ['good-deed%00', ids.deed, {}, 404, '只能为'],
        ['good-deed', 'a'.repeat(24), {}, 404, '没有找到这一条'],
        ['good-deed', ids.draft, {}, 404, '没有找到这一条'],
        ['good-deed', ids.withdrawn, {}, 404, '没有找到这一条'],
        ['figure', ids.deed, {}, 404, '没有找到这一条'],
        ['good-deed', ids.deed.toUpperCase(), {}, 404, '没有找到这一条'],
        ['good-deed', `${ids.deed}%20`, {}, 404, '没有找到这一条'],
        ['good-deed', '%E7%82%B9%E8%B5%9E', {}, 404, '没有找到这一条'],
        ['good-deed', 'x'.repeat(65), {}, 404, '没有找到这一条'],
        [
          'good-deed',
          ids.deed,
          { raw: { body: Buffer.from('like=1&count=100'), type: 'application/x-www-form-urlencoded' } },
          400,
          '点赞表单只有一项',
        ],
        [
          'good-deed',
          ids.deed,
          { raw: { body: Buffer.from('like=1'.padEnd(2000, '1')), type: 'application/x-www-form-urlencoded' } },
          413,
          '点赞的请求太大',
        ],
        [
          'good-deed',
          ids.deed,
          { raw: undefined, fields: { like: '1', file: { body: Buffer.from('x'), name: 'a.txt', type: 'text/plain' } } },
          415,
          '只接受表单提交',
        ],
        ['good-deed', ids.deed, { raw: { body: Buffer.from('like=1'), type: 'text/plain' } }, 415, '只接受表单提交'],
        ['good-deed', ids.deed, { origin: 'https://evil.example' }, 403, '只接受来自本专题网站的提交'],
        ['good-deed', ids.deed, { origin: null }, 403, '只接受来自本专题网站的提交'],
      ];
      for (const [kind, id, options, status, message] of refusals) {
        const refused = await like(kind, id, options);
        expect(refused.status, `${kind}/${id} ${JSON.stringify(options.raw?.type ?? options.origin ?? options.fields)}`).toBe(status);
        expect(refused.json.error.message).toContain(message);
      }
      const page = await like('good-deed', 'a'.repeat(24), { as: 'page' });
      expect(page.text).toContain('没有找到这一条，或它已撤下，不能点赞。');
      expect(await counts()).toEqual(before);
    });

    it('counts 200 likes at once from 200 addresses up to the lane in all, exactly', async () => {
      const before = (await counts())[`figure:${ids.figure}`] ?? 0;
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, index) => like('figure', ids.figure, { from: `127.0.6.${index + 1}` })),
      );
      const taken = answers.filter((answer) => answer.status === 200);
      expect(taken).toHaveLength(LIMITS.likesGlobal.max);
      expect(answers.filter((answer) => answer.status === 429).every((answer) => answer.json.error.message.includes('较多'))).toBe(true);
      expect((await counts())[`figure:${ids.figure}`]).toBe(before + LIMITS.likesGlobal.max);
    });

    it('counts 200 likes at once from one address once, and admits no more than its lane', async () => {
      const before = (await counts())[`suggestion:${ids.suggestion}`] ?? 0;
      const from = nextAddress();
      const answers = await Promise.all(Array.from({ length: 200 }, () => like('suggestion', ids.suggestion, { from })));
      const taken = answers.filter((answer) => answer.status === 200);
      expect(taken).toHaveLength(LIMITS.likesPerAddress.max);
      expect(taken.filter((answer) => answer.json.counted)).toHaveLength(1);
      expect(answers.filter((answer) => answer.status === 429)).toHaveLength(200 - LIMITS.likesPerAddress.max);
      expect((await counts())[`suggestion:${ids.suggestion}`]).toBe(before + 1);
    });

    it('shows 统计 the most liked public items of each kind, without the withdrawn', async () => {
      const answer = await call(cms, editor, 'GET', '/campaign-desk/likes/most-liked');
      expect(answer.status).toBe(200);
      const [deeds, figures, suggestions] = answer.body.kinds;
      expect(deeds).toEqual({ kind: '好人好事', items: [{ documentId: ids.deed, title: '雨中抢收稻谷', count: 3 }] });
      expect(figures.items[0]).toMatchObject({ documentId: ids.figure, title: '唐光友' });
      expect(suggestions.items[0]).toMatchObject({ documentId: ids.suggestion, title: '建议增设夜间公交线路。' });
      expect((await call(cms, reporter, 'GET', '/campaign-desk/likes/most-liked')).status).toBe(403);
    });
  });
}
