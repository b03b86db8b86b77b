import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { snapshotPageSchema } from '@campaign-desk/shared';
import { UID } from 'strapi-plugin-campaign-desk/names';
import type retention from '../../src/plugins/campaign-desk/server/src/participation/services/retention';
import { call } from '@campaign-desk/testing/newsroom';
import { fixtures } from '../support/fixtures';
import { encode } from '../support/participation';
import { LIMITS, cms, deed, editor, post, proof, reporter, service, submissions, suggestion, vault } from './reader';

export function moderationAndFloods(): void {
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
      const library = await cms.strapi.db.query('plugin::upload.file').count();
      expect(
        (await post('good-deed', { fields: { ...deed, doer: '采纳的好人', photo: { body: png, name: 'p.png', type: 'image/png' } } }))
          .status,
      ).toBe(201);
      const [row] = await submissions({ doer: '采纳的好人' });
      // Waiting, the photo is nowhere anyone could fetch it by name: not in the media library, only for moderators.
      expect(row).toMatchObject({ photo: null, heldPhotoWidth: 120, heldPhotoHeight: 90 });
      expect(await cms.strapi.db.query('plugin::upload.file').count()).toBe(library);
      const queue = await call(cms, editor, 'GET', '/campaign-desk/submissions?status=pending&kind=goodDeed');
      const waiting = queue.body.items.find((entry: { documentId: string }) => entry.documentId === row!.documentId);
      expect(waiting.photo).toEqual({ url: `/campaign-desk/submissions/${row!.documentId}/photo`, width: 120, height: 90, held: true });
      expect((await call(cms, reporter, 'GET', waiting.photo.url)).status).toBe(403);
      expect((await fetch(`${cms.url}${waiting.photo.url}`)).status).toBe(401);
      const seen = await fetch(`${cms.url}${waiting.photo.url}`, { headers: { Authorization: `Bearer ${editor.token}` } });
      expect(seen.status).toBe(200);
      expect(seen.headers.get('content-type')).toBe('image/jpeg');
      expect(seen.headers.get('cache-control')).toBe('private, no-store');
      expect(await sharp(Buffer.from(await seen.arrayBuffer())).metadata()).toMatchObject({ format: 'jpeg', width: 120, height: 90 });

      const adopted = await call(cms, editor, 'POST', `/campaign-desk/submissions/${row!.documentId}/moderate`, {
        action: 'adopt',
        title: '村民冒雨抢收稻谷',
      });
      expect(adopted.status, JSON.stringify(adopted.body)).toBe(200);
      const published = (await cms.strapi.db.query(UID.goodDeed).findOne({
        where: { documentId: adopted.body.publishedAs, publishedAt: { $notNull: true } },
        populate: { photo: true, place: true },
      })) as Record<string, any>;
      expect(published).toMatchObject({
        title: '村民冒雨抢收稻谷',
        doer: '采纳的好人',
        reportedByPublic: true,
        place: { slug: 'tongshan' },
        photo: { mime: 'image/jpeg', width: 120, height: 90, caption: '群众报告的好人好事照片' },
      });
      const [kept] = await submissions({ doer: '采纳的好人' });
      expect(kept).toMatchObject({ heldPhoto: null, heldPhotoWidth: null, photo: { id: published.photo.id } });
      expect(adopted.body.photo).toMatchObject({ url: published.photo.url, held: false });
      expect((await call(cms, editor, 'GET', waiting.photo.url)).status).toBe(404);
    });

    it('rejects with a reason (the held photo is gone, never in the media library) and turns a submission into a linked draft story', async () => {
      const png = await sharp({ create: { width: 50, height: 50, channels: 3, background: '#000000' } })
        .png()
        .toBuffer();
      expect(
        (await post('good-deed', { fields: { ...deed, doer: '未采纳的好人', photo: { body: png, name: 'p.png', type: 'image/png' } } }))
          .status,
      ).toBe(201);
      const library = await cms.strapi.db.query('plugin::upload.file').count();
      const [rejectedRow] = await submissions({ doer: '未采纳的好人' });
      expect(
        (await call(cms, editor, 'POST', `/campaign-desk/submissions/${rejectedRow!.documentId}/moderate`, { action: 'reject' })).status,
      ).toBe(400);
      const rejected = await call(cms, editor, 'POST', `/campaign-desk/submissions/${rejectedRow!.documentId}/moderate`, {
        action: 'reject',
        reason: '无法核实',
      });
      expect(rejected.body).toMatchObject({ status: 'rejected', reason: '无法核实', photo: null });
      expect((await submissions({ doer: '未采纳的好人' }))[0]).toMatchObject({ heldPhoto: null, heldPhotoWidth: null, photo: null });
      expect(await cms.strapi.db.query('plugin::upload.file').count()).toBe(library);

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

    it('turns a good deed with its photo into a draft story whose cover the photo becomes', async () => {
      const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#1e6b2e' } })
        .png()
        .toBuffer();
      expect(
        (await post('good-deed', { fields: { ...deed, doer: '写成稿件的好人', photo: { body: png, name: 'p.png', type: 'image/png' } } }))
          .status,
      ).toBe(201);
      const [row] = await submissions({ doer: '写成稿件的好人' });
      const converted = await call(cms, editor, 'POST', `/campaign-desk/submissions/${row!.documentId}/moderate`, { action: 'convert' });
      expect(converted.status, JSON.stringify(converted.body)).toBe(200);
      const story = (await cms.strapi.db
        .query(UID.story)
        .findOne({ where: { documentId: converted.body.story.documentId }, populate: { cover: true } })) as Record<string, any>;
      expect(story.cover).toMatchObject({ mime: 'image/jpeg', width: 64, height: 48 });
      expect((await submissions({ doer: '写成稿件的好人' }))[0]).toMatchObject({ heldPhoto: null, photo: { id: story.cover.id } });
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
}
