/** What a reviewer is shown: the changes since the last pass, and the sensitive-word check. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLUGIN_ID } from 'strapi-plugin-campaign-desk/names';
import { paragraph } from '../support/fixtures';
import { CM, approve, call, cms, draftStory, people, review, status } from './newsroom';

export function changesAndWords(): void {
  describe('what changed since the pass', () => {
    it('shows the next reviewer, block by block, what an edit after 初审 changed in the text passed', async () => {
      const created = await call(people.reporter, 'POST', CM, {
        title: '夜班稿件',
        kind: 'news',
        summary: '摘要原文',
        body: [...paragraph('第一段不变。'), ...paragraph('第二段写错了数字：三十。'), ...paragraph('第三段将被删去。')],
      });
      const id = created.body.data.documentId as string;
      expect((await review(people.reporter, id, 'submit')).status).toBe(200);
      expect((await review(people.editor, id, 'first')).status).toBe(200);
      // Before any new version, there is nothing to compare.
      expect((await status(people.deskHead, id)).body.sincePass).toBeNull();

      const edited = await call(people.reporter, 'PUT', `${CM}/${id}`, {
        title: '夜班稿件（修订）',
        summary: '摘要原文',
        body: [
          ...paragraph('第一段不变。'),
          ...paragraph('第二段写错了数字：三十一。'),
          ...paragraph('新加的第三段。'),
          ...paragraph('新加的第四段。'),
        ],
      });
      expect(edited.status).toBe(200);
      const { body } = await status(people.deskHead, id);
      expect(body.stage).toBe('submitted');
      expect(body.sincePass).toMatchObject({ review: 'first', passedBy: '测试编辑' });
      expect(body.sincePass.changes).toEqual([
        { place: '标题', change: 'changed', parts: [{ text: '夜班稿件' }, { text: '（修订）', change: 'added' }] },
        {
          place: '正文第 2 段',
          change: 'changed',
          parts: [{ text: '第二段写错了数字：三十' }, { text: '一', change: 'added' }, { text: '。' }],
        },
        {
          place: '正文第 3 段',
          change: 'changed',
          parts: [{ text: '新加的', change: 'added' }, { text: '第三段' }, { text: '将被删去', change: 'removed' }, { text: '。' }],
        },
        { place: '正文第 4 段', change: 'added', parts: [{ text: '新加的第四段。', change: 'added' }] },
      ]);
    });

    it('compares a returned and resubmitted story with the version last passed', async () => {
      const { documentId: id } = await draftStory(people.reporter, '退回再送审');
      await review(people.reporter, id, 'submit');
      expect((await review(people.editor, id, 'first')).status).toBe(200);
      expect((await review(people.deskHead, id, 'return', '标题太长')).status).toBe(200);
      expect((await call(people.reporter, 'PUT', `${CM}/${id}`, { title: '退回' })).status).toBe(200);
      const changes = (await status(people.editor, id)).body.sincePass.changes;
      expect(changes).toEqual([{ place: '标题', change: 'changed', parts: [{ text: '退回' }, { text: '再送审', change: 'removed' }] }]);
    });
  });

  describe('the word check on stories', () => {
    const config = `plugin::${PLUGIN_ID}.participation`;
    let before: unknown;
    beforeAll(() => {
      before = cms.strapi.config.get(config);
      cms.strapi.config.set(config, { ...(before as object), sensitiveWords: ['违禁词', '不当用语'] });
    });
    afterAll(() => cms.strapi.config.set(config, before));

    it('shows the hits with their place at 送审, logs them, and lets 终审 pass only with a written acknowledgement, logged', async () => {
      const created = await call(people.reporter, 'POST', CM, {
        title: '含违禁词的标题',
        kind: 'news',
        summary: '摘要干净',
        body: [...paragraph('第一段干净。'), ...paragraph('第二段有 不 当 用 语 和违禁词。')],
      });
      const id = created.body.data.documentId as string;
      const hits = [
        { place: '标题', words: ['违禁词'] },
        { place: '正文第 2 段', words: ['违禁词', '不当用语'] },
      ];
      expect((await status(people.reporter, id)).body.wordHits).toEqual(hits);
      // 送审 is not blocked: the hits go into the log with it.
      const submitted = await review(people.reporter, id, 'submit');
      expect(submitted.status).toBe(200);
      expect(submitted.body.log.at(-1)).toMatchObject({ action: 'submit', wordHits: hits, acknowledgement: null });
      expect((await review(people.editor, id, 'first')).status).toBe(200);
      expect((await review(people.deskHead, id, 'second')).status).toBe(200);

      const silent = await review(people.chief, id, 'final');
      expect(silent.status).toBe(400);
      expect(silent.body.error.message).toBe('稿件含敏感词（标题：违禁词；正文第 2 段：违禁词、不当用语），终审通过须写明核实说明');
      expect(silent.body.error.details.errors[0].path).toEqual(['acknowledgement']);

      const stage = (await status(people.chief, id)).body.stage;
      const acknowledged = await call(people.chief, 'POST', `/campaign-desk/stories/${id}/review`, {
        action: 'final',
        stage,
        acknowledgement: '“违禁词”为引用的政策原文，已核实无误',
      });
      expect(acknowledged.status).toBe(200);
      expect(acknowledged.body.log.at(-1)).toMatchObject({
        action: 'final',
        wordHits: hits,
        acknowledgement: '“违禁词”为引用的政策原文，已核实无误',
      });
      expect((await call(people.chief, 'POST', `${CM}/${id}/actions/publish`, {})).status).toBe(200);
    });

    it('refuses at publish a word its 终审 did not acknowledge (the list grew since), and says which', async () => {
      const { documentId: id } = await draftStory(people.reporter, '后来才列入的词');
      await approve(id);
      cms.strapi.config.set(config, { ...(before as object), sensitiveWords: ['违禁词', '列入'] });
      try {
        const refused = await call(people.chief, 'POST', `${CM}/${id}/actions/publish`, {});
        expect(refused.status).toBe(400);
        expect(refused.body.error.message).toBe('稿件含终审未说明的敏感词（标题：列入；未说明：列入），不能发布；请退回后重新审核');
      } finally {
        cms.strapi.config.set(config, { ...(before as object), sensitiveWords: ['违禁词', '不当用语'] });
      }
      expect((await call(people.chief, 'POST', `${CM}/${id}/actions/publish`, {})).status).toBe(200);
    });
  });
}
