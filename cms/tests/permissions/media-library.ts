import { readdir } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { PLUGIN_ID, UID, UPLOAD_ACTIONS, UPLOAD_FILE_UID } from 'strapi-plugin-campaign-desk/names';
import { pngBomb } from '@campaign-desk/testing/pixel-bomb';
import type { Session } from '../support/admin-api';
import { paragraph } from '../support/fixtures';
import { api, cms, records, sessions, uploadsWaiting } from './sessions';

export function mediaLibraryAndOldRoles(): void {
  describe('the media library', () => {
    const reporter = () => sessions.get('campaign-desk-reporter')!;
    const chief = () => sessions.get('campaign-desk-chief-editor')!;
    const uploadAs = async (session: Session, name: string) => (await api.upload(session, name)).body[0] as { id: number };
    const exists = async (id: number) => (await cms.strapi.db.query(UPLOAD_FILE_UID).count({ where: { id } })) === 1;

    it('refuses what a browser would run when opened from /uploads (HTML, SVG, a script); takes images and PDFs', async () => {
      const html = '<!doctype html><html><body><script>alert(document.cookie)</script></body></html>';
      const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>';
      for (const file of [
        { body: html, type: 'text/html', extension: 'html' },
        { body: svg, type: 'image/svg+xml', extension: 'svg' },
        { body: 'alert(1)', type: 'application/javascript', extension: 'js' },
      ]) {
        const refused = await api.upload(chief(), 'hostile', undefined, file);
        expect(refused.status, `${file.type} .${file.extension}`).toBeGreaterThanOrEqual(400);
      }
      const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
      expect([200, 201]).toContain(
        (await api.upload(chief(), 'evidence', undefined, { body: pdf, type: 'application/pdf', extension: 'pdf' })).status,
      );
      expect([200, 201]).toContain((await api.upload(chief(), 'picture')).status);
    });

    it('refuses a picture whose header claims more pixels than the publisher decodes, before Strapi makes its thumbnails, naming it', async () => {
      // 12000×12000: under sharp's own default (268 million pixels), over MEDIA_MAX_PIXELS; a 1-bit PNG of a few KB.
      const bomb = pngBomb(12_000);
      const files = await cms.strapi.db.query(UPLOAD_FILE_UID).count();
      for (const replace of [undefined, (await uploadAs(chief(), 'small-picture')).id]) {
        const refused = await api.upload(chief(), 'huge', replace, { body: bomb, type: 'image/png', extension: 'png' });
        expect(refused.status).toBe(400);
        expect(refused.body.error.message).toBe('图片“huge.png”有 12000×12000 像素，超过上限 1.2 亿像素：请缩小后再上传');
      }
      expect(await cms.strapi.db.query(UPLOAD_FILE_UID).count()).toBe(files + 1);
      await vi.waitFor(async () => expect(await readdir(uploadsWaiting)).toEqual([]), { timeout: 2_000, interval: 50 });
    });

    it('lets nobody replace, delete or re-caption in place a file a published story shows, and says why', async () => {
      const cover = await uploadAs(reporter(), 'published-cover');
      const story = await records.create('story', { author: reporter().id });
      await cms.strapi
        .documents(UID.story)
        .update({ documentId: story.documentId, data: { title: '已发布稿件的封面', cover: cover.id } } as never);
      await cms.strapi.plugin(PLUGIN_ID).service('review').approveAsSystem(story.documentId, '测试');
      await cms.strapi.documents(UID.story).publish({ documentId: story.documentId } as never);

      for (const session of [reporter(), chief()]) {
        const replaced = await api.upload(session, 'other-picture', cover.id);
        expect(replaced.status).toBe(403);
        expect(replaced.body.error.message).toContain('已发布的稿件《已发布稿件的封面》');
        expect(replaced.body.error.message).toContain('请上传新文件');
        expect((await api.call(session, 'DELETE', `/upload/files/${cover.id}`)).status).toBe(403);
        const recaptioned = await api.call(session, 'PUT', `/upload/files/${cover.id}`, {
          fileInfo: { alternativeText: '另一段替代文字' },
        });
        expect(recaptioned.status).toBe(403);
      }
      // The refused replacements' uploads are not left waiting on disk (Strapi removes them only after a success).
      await vi.waitFor(async () => expect(await readdir(uploadsWaiting)).toEqual([]), { timeout: 2_000, interval: 50 });
      const kept = await cms.strapi.db.query(UPLOAD_FILE_UID).findOne({ where: { id: cover.id } });
      expect(kept).toMatchObject({ name: 'published-cover.png', alternativeText: null });
      // Renaming it changes nothing readers see (the media library sends its empty texts along).
      const renamed = await api.call(reporter(), 'PUT', `/upload/files/${cover.id}`, {
        fileInfo: { name: '封面.png', alternativeText: '', caption: '' },
      });
      expect(renamed.status).toBe(200);
    });

    it('guards a story approved for publishing, and an image inside a published body, the same way', async () => {
      const approvedCover = await uploadAs(reporter(), 'approved-cover');
      const approved = await records.create('story', { author: reporter().id });
      await cms.strapi
        .documents(UID.story)
        .update({ documentId: approved.documentId, data: { title: '待发布稿件', cover: approvedCover.id } } as never);
      await cms.strapi.plugin(PLUGIN_ID).service('review').approveAsSystem(approved.documentId, '测试');
      const refused = await api.upload(reporter(), 'other-picture', approvedCover.id);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toContain('已终审待发布的稿件《待发布稿件》');

      const inline = await uploadAs(reporter(), 'inline-image');
      // An image block holds the file as the media library describes it.
      const image = await cms.strapi.db.query(UPLOAD_FILE_UID).findOne({ where: { id: inline.id } });
      const body = [...paragraph('正文'), { type: 'image', image, children: [{ type: 'text', text: '' }] }];
      await records.create('story', { author: reporter().id }).then(async ({ documentId }) => {
        await cms.strapi.documents(UID.story).update({ documentId, data: { title: '正文配图', body } } as never);
        await cms.strapi.plugin(PLUGIN_ID).service('review').approveAsSystem(documentId, '测试');
        await cms.strapi.documents(UID.story).publish({ documentId } as never);
      });
      const deleted = await api.call(reporter(), 'DELETE', `/upload/files/${inline.id}`);
      expect(deleted.status).toBe(403);
      expect(deleted.body.error.message).toContain('《正文配图》');
      expect(await exists(inline.id)).toBe(true);
    });

    it.each([
      ['first_passed', '初审通过'],
      ['second_passed', '复审通过'],
    ])('guards the cover of a story at %s: the picture a reviewer passed is the one published', async (stage, name) => {
      const cover = await uploadAs(reporter(), `cover-${stage}`);
      const story = await records.create('story', { author: reporter().id });
      await cms.strapi
        .documents(UID.story)
        .update({ documentId: story.documentId, data: { title: `${name}的稿件`, cover: cover.id } } as never);
      await cms.strapi.db.query(UID.story).updateMany({ where: { documentId: story.documentId }, data: { reviewStage: stage } });
      const refused = await api.upload(reporter(), 'swapped-picture', cover.id);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toContain(`${name}的稿件《${name}的稿件》`);
      expect((await cms.strapi.db.query(UPLOAD_FILE_UID).findOne({ where: { id: cover.id } }))?.name).toBe(`cover-${stage}.png`);
    });

    it('lets the uploader replace a file only drafts show', async () => {
      const picture = await uploadAs(reporter(), 'draft-picture');
      const story = await records.create('story', { author: reporter().id });
      await cms.strapi.documents(UID.story).update({ documentId: story.documentId, data: { cover: picture.id } } as never);
      expect((await api.upload(reporter(), 'better-picture', picture.id)).status).toBe(200);
    });

    it('checks every file of a bulk or folder delete against the reporter’s own uploads, and deletes none if one is refused', async () => {
      const own = await uploadAs(reporter(), 'own-file');
      const foreign = await uploadAs(chief(), 'chief-file');
      const bulk = await api.call(reporter(), 'POST', '/upload/actions/bulk-delete', { fileIds: [own.id, foreign.id] });
      expect(bulk.status).toBe(403);
      expect(bulk.body.error.message).toContain('chief-file.png');
      expect([await exists(own.id), await exists(foreign.id)]).toEqual([true, true]);

      const folder = (await cms.strapi
        .plugin('upload')
        .service('folder')
        .create({ name: '主编的图片' }, { user: { id: chief().id } })) as { id: number };
      await cms.strapi.db
        .query(UPLOAD_FILE_UID)
        .update({ where: { id: foreign.id }, data: { folder: folder.id, folderPath: (folder as unknown as { path: string }).path } });
      const folderDelete = await api.call(reporter(), 'POST', '/upload/actions/bulk-delete', { folderIds: [folder.id] });
      expect(folderDelete.status).toBe(403);
      expect(await exists(foreign.id)).toBe(true);
      expect(await cms.strapi.db.query('plugin::upload.folder').count({ where: { id: folder.id } })).toBe(1);
    });
  });

  describe('the roles of a database from before a limit', () => {
    it('are limited once: a reporter’s changing of files becomes their own uploads only, and an administrator may widen it again', async () => {
      const permissions = cms.strapi.db.query('admin::permission');
      const reporter = (await cms.strapi.db.query('admin::role').findOne({ where: { code: 'campaign-desk-reporter' } })) as { id: number };
      const { id } = (await permissions.findOne({ where: { role: reporter.id, action: UPLOAD_ACTIONS.update } })) as { id: number };
      const conditions = async () => ((await permissions.findOne({ where: { id } })) as { conditions: string[] }).conditions;
      const setConditions = (value: string[]) => permissions.update({ where: { id }, data: { conditions: value } });
      const store = cms.strapi.store({ type: 'plugin', name: PLUGIN_ID });
      const roles = cms.strapi.plugin(PLUGIN_ID).service('roles');
      // As an older version left it: unlimited, and no record of limits applied.
      await setConditions([]);
      await store.delete({ key: 'ownLimits' });

      await roles.ensure();
      expect(await conditions()).toEqual(['admin::is-creator']);

      await setConditions([]);
      await roles.ensure();
      expect(await conditions()).toEqual([]);
      await setConditions(['admin::is-creator']);
    });
  });
}
