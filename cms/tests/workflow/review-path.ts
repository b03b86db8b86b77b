/** Who may do what, and a story's way through 送审, 初审, 复审 and 终审 to publishing. */
import { describe, expect, it } from 'vitest';
import { PLUGIN_ID, UID } from 'strapi-plugin-campaign-desk/names';
import { fixtures } from '../support/fixtures';
import { CM, approve, call, cms, draftStory, people, review, status } from './newsroom';

export function rolesAndReviewPath(): void {
  describe('roles', () => {
    it('leave Strapi its own Super Admin role on a fresh database', async () => {
      expect(await cms.strapi.db.query('admin::role').count({ where: { code: 'strapi-super-admin' } })).toBe(1);
    });

    it('are created once and left alone afterwards', async () => {
      const roles = cms.strapi.service('admin::role');
      const editor = await cms.strapi.db.query('admin::role').findOne({ where: { code: 'campaign-desk-editor' } });
      await roles.update({ id: editor.id }, { description: '管理员改过的说明' });
      await cms.strapi.plugin(PLUGIN_ID).service('roles').ensure();
      const again = await cms.strapi.db.query('admin::role').findOne({ where: { code: 'campaign-desk-editor' } });
      expect(again.description).toBe('管理员改过的说明');
      expect(await cms.strapi.db.query('admin::role').count({ where: { name: { $in: ['记者', '编辑', '主编'] } } })).toBe(3);
    });

    it('keep a reporter from publishing and from editing a colleague’s story', async () => {
      const story = await draftStory(people.reporter, '记者稿件');
      expect(story.reviewStage).toBe('draft');
      expect((await call(people.reporter, 'POST', `${CM}/${story.documentId}/actions/publish`, {})).status).toBe(403);
      const foreign = await call(people.otherReporter, 'PUT', `${CM}/${story.documentId}`, { title: '改别人的稿' });
      expect(foreign.status).toBe(403);
      const own = await call(people.reporter, 'PUT', `${CM}/${story.documentId}`, { title: '记者稿件（修改）' });
      expect(own.status).toBe(200);
    });

    it('keep an editor from publishing, even an approved story', async () => {
      const story = await draftStory(people.reporter, '编辑不能发布');
      await approve(story.documentId);
      expect((await call(people.editor, 'POST', `${CM}/${story.documentId}/actions/publish`, {})).status).toBe(403);
    });

    it('ignore a stage written through the form', async () => {
      const story = await draftStory(people.reporter, '伪造审核状态');
      await call(people.reporter, 'PUT', `${CM}/${story.documentId}`, { reviewStage: 'approved' });
      expect((await status(people.reporter, story.documentId)).body.stage).toBe('draft');
    });
  });

  describe('the review path', () => {
    it('goes reporter → 责任编辑 → 部门主任 → 总编 → published, one step at a time, with a complete log', async () => {
      const story = await draftStory(people.reporter, '三审全流程');
      const id = story.documentId;
      expect((await status(people.reporter, id)).body.actions).toEqual(['submit']);
      expect((await review(people.editor, id, 'first')).status).toBe(400); // not submitted yet

      expect((await review(people.reporter, id, 'submit')).body.stage).toBe('submitted');
      expect((await review(people.reporter, id, 'first')).status).toBe(403);
      expect((await status(people.editor, id)).body.actions).toEqual(['first', 'return']);
      expect((await review(people.editor, id, 'first')).body.stage).toBe('first_passed');
      expect((await review(people.editor, id, 'final')).status).toBe(400); // skipping second review
      expect((await review(people.deskHead, id, 'second')).body.stage).toBe('second_passed');
      expect((await review(people.deskHead, id, 'final')).status).toBe(403);
      expect((await status(people.chief, id)).body.actions).toEqual(['final', 'return']);
      expect((await review(people.chief, id, 'final')).body.stage).toBe('approved');

      const published = await call(people.chief, 'POST', `${CM}/${id}/actions/publish`, {});
      expect(published.status, JSON.stringify(published.body)).toBe(200);
      const after = await status(people.chief, id);
      expect(after.body.published).toBe(true);
      expect(after.body.log.map((entry: { action: string; actorName: string }) => [entry.action, entry.actorName])).toEqual([
        ['submit', '测试记者'],
        ['first', '测试编辑'],
        ['second', '测试部门主任'],
        ['final', '测试主编'],
      ]);
    });

    it('returns a story only with a comment, and the reporter submits it again', async () => {
      const story = await draftStory(people.reporter, '退回修改');
      await review(people.reporter, story.documentId, 'submit');
      const silent = await review(people.editor, story.documentId, 'return');
      expect(silent.status).toBe(400);
      expect(silent.body.error.message).toContain('意见');
      const returned = await review(people.editor, story.documentId, 'return', '导语太长，请压缩到一百字以内');
      expect(returned.body.stage).toBe('returned');
      expect(returned.body.log.at(-1)).toMatchObject({ action: 'return', comment: '导语太长，请压缩到一百字以内' });
      expect((await review(people.reporter, story.documentId, 'submit')).body.stage).toBe('submitted');
    });

    it('refuses to publish an unapproved story through the Document Service too', async () => {
      const story = await draftStory(people.reporter, '未审先发');
      await review(people.reporter, story.documentId, 'submit');
      await expect(cms.strapi.documents(UID.story).publish({ documentId: story.documentId } as never)).rejects.toThrow(
        '稿件尚未通过终审（当前：已送审），不能发布',
      );
      expect(await cms.strapi.db.query(UID.story).count({ where: { documentId: story.documentId, publishedAt: { $notNull: true } } })).toBe(
        0,
      );
    });

    it('sends an edited approved story back for review and keeps the published version until then', async () => {
      const story = await draftStory(people.reporter, '发布后修改');
      const audio = await fixtures(cms.strapi).upload('fabuhou-yinpin', '.mp3', 'audio/mpeg', 12);
      expect((await call(people.reporter, 'PUT', `${CM}/${story.documentId}`, { mediaFile: audio.id })).status).toBe(200);
      await approve(story.documentId);
      await call(people.chief, 'POST', `${CM}/${story.documentId}/actions/publish`, {});

      // Publishing again without changes is fine: saving the same content (its own audio too) does not reopen review.
      const unchanged = await call(people.chief, 'POST', `${CM}/${story.documentId}/actions/publish`, {
        title: '发布后修改',
        mediaFile: audio.id,
      });
      expect(unchanged.status, JSON.stringify(unchanged.body)).toBe(200);
      expect((await status(people.chief, story.documentId)).body.stage).toBe('approved');
      // Taking the reviewed audio away is an edit like any other.
      expect((await call(people.reporter, 'PUT', `${CM}/${story.documentId}`, { mediaFile: null })).status).toBe(200);
      expect((await status(people.chief, story.documentId)).body.stage).toBe('submitted');
      for (const [person, move] of [
        [people.editor, 'first'],
        [people.deskHead, 'second'],
        [people.chief, 'final'],
      ] as const)
        expect((await review(person, story.documentId, move)).status).toBe(200);
      await call(people.chief, 'POST', `${CM}/${story.documentId}/actions/publish`, {});

      const edit = await call(people.reporter, 'PUT', `${CM}/${story.documentId}`, { title: '发布后修改（新标题）' });
      expect(edit.status).toBe(200);
      const after = await status(people.chief, story.documentId);
      expect(after.body.stage).toBe('submitted');
      expect(after.body.log.at(-1)).toMatchObject({ action: 'edit', fromStage: 'approved', toStage: 'submitted' });
      const publicVersion = await cms.strapi.db.query(UID.story).findOne({
        where: { documentId: story.documentId, publishedAt: { $notNull: true } },
      });
      expect(publicVersion.title).toBe('发布后修改');
      const republish = await call(people.chief, 'POST', `${CM}/${story.documentId}/actions/publish`, {});
      expect(republish.status).toBe(400);
    });

    it('sends a story edited after 初审 back for review, so no reviewer passes text they have not seen', async () => {
      const story = await draftStory(people.reporter, '初审后修改');
      await review(people.reporter, story.documentId, 'submit');
      expect((await review(people.editor, story.documentId, 'first')).body.stage).toBe('first_passed');
      const edit = await call(people.reporter, 'PUT', `${CM}/${story.documentId}`, { title: '初审后修改（新标题）' });
      expect(edit.status).toBe(200);
      const after = await status(people.chief, story.documentId);
      expect(after.body.stage).toBe('submitted');
      expect(after.body.log.at(-1)).toMatchObject({
        action: 'edit',
        fromStage: 'first_passed',
        toStage: 'submitted',
        comment: '初审后内容有修改，重新送审',
      });
    });

    it('lets only the chief editor delete a published story', async () => {
      const story = await draftStory(people.reporter, '已发布的稿件不能由记者删除');
      await approve(story.documentId);
      await call(people.chief, 'POST', `${CM}/${story.documentId}/actions/publish`, {});
      const refused = await call(people.reporter, 'DELETE', `${CM}/${story.documentId}`);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toBe('已发布的稿件只有有发布权限的人（主编）可以删除');
      expect((await call(people.chief, 'DELETE', `${CM}/${story.documentId}`)).status).toBe(200);
    });

    it('keeps the review log append-only', async () => {
      const [entry] = await cms.strapi.db.query(UID.reviewEntry).findMany({ limit: 1 });
      await expect(
        cms.strapi.documents(UID.reviewEntry as never).update({ documentId: entry.documentId, data: { comment: '篡改' } } as never),
      ).rejects.toThrow('只能由审稿操作追加');
      await expect(cms.strapi.documents(UID.reviewEntry as never).delete({ documentId: entry.documentId } as never)).rejects.toThrow(
        '只能由审稿操作追加',
      );
    });
  });
}
