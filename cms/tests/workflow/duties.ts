/** Separation of duties, moves made at once, and the review log. */
import { describe, expect, it } from 'vitest';
import { PLUGIN_ID, REVIEW_ACTIONS, UID } from 'strapi-plugin-campaign-desk/names';
import type { Session } from '../support/admin-api';
import { CM, api, call, cms, draftStory, people, review, status } from './newsroom';

export function dutiesAndLog(): void {
  describe('separation of duties', () => {
    const rules = `plugin::${PLUGIN_ID}.review`;
    const withRules = async (overrides: Record<string, unknown>, run: () => Promise<void>) => {
      const before = cms.strapi.config.get(rules);
      cms.strapi.config.set(rules, { ...(before as object), ...overrides });
      try {
        await run();
      } finally {
        cms.strapi.config.set(rules, before);
      }
    };
    const submitted = async (author: Session, title: string) => {
      const story = await draftStory(author, title);
      expect((await review(author, story.documentId, 'submit')).status).toBe(200);
      return story.documentId;
    };

    it('keeps the author from reviewing their own story, and tells them why', async () => {
      const id = await submitted(people.editor, '编辑自己写的稿件');
      const own = await review(people.editor, id, 'first');
      expect(own.status).toBe(403);
      expect(own.body.error.message).toBe('你是这篇稿件的作者，不能初审自己的稿件');
      const seen = (await status(people.editor, id)).body;
      expect(seen.actions).toEqual(['return']);
      expect(seen.held).toEqual([{ action: 'first', reason: '你是这篇稿件的作者，不能初审自己的稿件' }]);
      expect((await review(people.deskHead, id, 'first')).status).toBe(200);
    });

    it('has 初审, 复审 and 终审 of one version made by three different people, Super Admin included', async () => {
      const id = await submitted(people.reporter, '三人三审');
      expect((await review(people.superAdmin, id, 'first')).status).toBe(200);
      const second = await review(people.superAdmin, id, 'second');
      expect(second.status).toBe(403);
      expect(second.body.error.message).toBe('同一版本的初审、复审和终审须由不同的人完成：这一版的初审是你做的，复审请交给其他人');
      expect((await review(people.deskHead, id, 'second')).status).toBe(200);
      expect((await review(people.superAdmin, id, 'final')).status).toBe(403);
      expect((await review(people.chief, id, 'final')).body.stage).toBe('approved');
    });

    it('counts the reviewers of a returned story, or one an edit reopened, afresh', async () => {
      const id = await submitted(people.reporter, '新版本重新计算');
      expect((await review(people.editor, id, 'first')).status).toBe(200);
      expect((await review(people.deskHead, id, 'return', '请补充数据来源')).status).toBe(200);
      expect((await review(people.reporter, id, 'submit')).status).toBe(200);
      // The editor made 初审 of the version returned; this is another one.
      expect((await review(people.editor, id, 'first')).status).toBe(200);
      expect((await review(people.deskHead, id, 'second')).status).toBe(200);
      expect((await review(people.chief, id, 'final')).status).toBe(200);

      expect((await call(people.reporter, 'PUT', `${CM}/${id}`, { title: '新版本重新计算（改）' })).status).toBe(200);
      expect((await status(people.editor, id)).body.stage).toBe('submitted');
      expect((await review(people.editor, id, 'first')).status).toBe(200);
      expect((await review(people.deskHead, id, 'second')).status).toBe(200);
      expect((await review(people.chief, id, 'final')).body.stage).toBe('approved');
    });

    it('holds per review as configured, and exempts Super Admin only if told to', async () => {
      await withRules({ separateDuties: { first: true, second: false, final: true } }, async () => {
        const id = await submitted(people.reporter, '二审可由同一人');
        expect((await review(people.editor, id, 'first')).status).toBe(200);
        expect((await review(people.editor, id, 'second')).status).toBe(200);
      });
      await withRules({ superAdminExempt: true }, async () => {
        const id = await submitted(people.superAdmin, '管理员豁免');
        for (const action of ['first', 'second', 'final']) expect((await review(people.superAdmin, id, action)).status).toBe(200);
      });
    });
  });

  describe('moves made at once', () => {
    const move = (session: Session, id: string, action: string, stage: string, comment?: string) =>
      call(session, 'POST', `/campaign-desk/stories/${id}/review`, { action, stage, ...(comment ? { comment } : {}) });

    it('apply only from the stage the reviewer saw: a late one gets a 409 naming the stage now', async () => {
      const { documentId: id } = await draftStory(people.reporter, '谁先谁后');
      await review(people.reporter, id, 'submit');
      expect((await move(people.editor, id, 'first', 'submitted')).status).toBe(200);
      const late = await move(people.deskHead, id, 'return', 'submitted', '不宜发表');
      expect(late.status).toBe(409);
      expect(late.body.error.message).toContain('当前为“初审通过”');
      expect(late.body.error.details).toEqual({ stage: 'first_passed' });
      expect((await move(people.reporter, id, 'submit', 'draft')).status).toBe(409);
    });

    it('of two fired together, exactly one applies', async () => {
      const { documentId: id } = await draftStory(people.reporter, '同时点击');
      await review(people.reporter, id, 'submit');
      const answers = await Promise.all([
        move(people.editor, id, 'first', 'submitted'),
        move(people.deskHead, id, 'return', 'submitted', '同时退回'),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      const { log } = (await status(people.chief, id)).body;
      expect(log.map((entry: { action: string }) => entry.action).slice(1)).toHaveLength(1);
    });
  });

  describe('the review log', () => {
    /** A role holding `permissions` (story read limited to one's own, or none at all) and 送审. */
    async function roleWith(code: string, permissions: Array<{ action: string; conditions?: string[] }>) {
      const role = (await cms.strapi.service('admin::role').create({ name: code, code, description: '测试' })) as { id: number };
      await cms.strapi.service('admin::permission').createMany(
        [...permissions, { action: REVIEW_ACTIONS.submit.id, subject: null }].map((permission) => ({
          subject: UID.story,
          properties: {},
          conditions: [],
          ...permission,
          role: role.id,
        })),
      );
      return api.signUp(code, code);
    }

    it('is shown to whoever may read the story: a reporter reads every story, as the roles table grants', async () => {
      const story = await draftStory(people.otherReporter, '同事的稿件');
      const seen = await status(people.reporter, story.documentId);
      expect(seen.status).toBe(200);
      expect(seen.body.stage).toBe('draft');
    });

    it('follows a read permission limited to one’s own stories', async () => {
      const ownReader = await roleWith('test-own-stories', [
        { action: 'plugin::content-manager.explorer.create' },
        { action: 'plugin::content-manager.explorer.read', conditions: ['admin::is-creator'] },
      ]);
      const own = await draftStory(ownReader, '只能看自己的稿件');
      expect((await status(ownReader, own.documentId)).status).toBe(200);
      const colleague = await draftStory(people.reporter, '别人的稿件');
      const refused = await status(ownReader, colleague.documentId);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toContain('你不能查看稿件');
      expect(
        (await call(ownReader, 'POST', `/campaign-desk/stories/${colleague.documentId}/review`, { action: 'submit', stage: 'draft' }))
          .status,
      ).toBe(403);
    });

    it('is refused to a role that may not read stories at all', async () => {
      const outsider = await roleWith('test-no-stories', []);
      const story = await draftStory(people.reporter, '无权查看');
      expect((await status(outsider, story.documentId)).status).toBe(403);
    });
  });
}
