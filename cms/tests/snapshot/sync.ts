import { beforeAll, describe, expect, it } from 'vitest';
import type { CampaignRecord } from '@campaign-desk/shared';
import { UID } from 'strapi-plugin-campaign-desk/names';
import { paragraph } from '../support/fixtures';
import { cms, make, page, sync } from './records';

export function exportAndSync(): void {
  describe('export', () => {
    let published: { documentId: string };
    let draft: { documentId: string };

    beforeAll(async () => {
      const outlet = await make.outlet();
      const column = await make.column({ outlets: [outlet.documentId] });
      const cover = await make.image();
      const theme = await make.taxonomyId('theme', 'zengzhangji');
      const activity = await make.taxonomyId('activity', 'da-diaoyan');
      published = await make.story({
        title: '市委常委带头深入基层开展大调研',
        summary: '走遍咸宁，做问题的终结者。',
        date: '2020-05-20T07:00:00.000Z',
        body: paragraph('全市各级领导干部深入一线。'),
        outlet: outlet.documentId,
        columns: [column.documentId],
        theme,
        activities: [activity],
        cover: cover.id,
        coverCaption: '调研现场',
        coverCredit: '记者 李明 摄',
        bylines: '记者 王芳、通讯员 陈静',
        printOutlet: outlet.documentId,
        printDate: '2020-05-21',
        printPage: '第1版',
      });
      draft = await make.story({ title: '尚未发布的稿件' }, false);
    });

    it('carries every published record in the contract shape, paged', async () => {
      const { records, pages } = await sync();
      expect(pages).toBeGreaterThanOrEqual(Math.ceil(records.length / 7));
      expect(pages).toBeGreaterThan(2);
      const byType = (type: string) => records.filter((record) => record.type === type);
      expect(byType('theme')).toHaveLength(3);
      expect(byType('activity')).toHaveLength(6);
      expect(byType('place')).toHaveLength(8);
      expect(byType('outlet')).toHaveLength(1);
      expect(byType('column')).toHaveLength(1);
      expect(new Set(records.map((record) => `${record.type}:${record.documentId}`)).size).toBe(records.length);

      const story = records.find((record) => record.documentId === published.documentId);
      expect(story).toMatchObject({
        type: 'story',
        slug: 'shi-wei-chang-wei-dai-tou-shen-ru-ji-ceng-kai-zhan-da-diao-yan',
        date: '2020-05-20T07:00:00.000Z',
        kind: 'news',
        bylines: ['记者 王芳', '通讯员 陈静'],
        columnIds: [byType('column')[0]!.documentId],
        themeId: byType('theme').find((theme) => theme.type === 'theme' && theme.slug === 'zengzhangji')!.documentId,
        printEdition: { outletId: byType('outlet')[0]!.documentId, date: '2020-05-21', page: '第1版' },
        cover: {
          url: `${cms.url}/uploads/cover_hash.jpg`,
          width: 1200,
          height: 800,
          alt: '咸宁市民参加活动',
          caption: '调研现场',
          credit: '记者 李明 摄',
        },
      });
    });

    it('makes images in rich text absolute, as image fields are, and leaves the stored body as it is', async () => {
      // The media library's file record, as the admin's editor embeds it.
      const image = {
        name: 'inline.jpg',
        alternativeText: '宣讲现场',
        caption: null,
        url: '/uploads/inline_hash.jpg',
        width: 800,
        height: 600,
        formats: null,
        hash: 'inline_hash',
        ext: '.jpg',
        mime: 'image/jpeg',
        size: 88.2,
        previewUrl: null,
        provider: 'local',
        provider_metadata: null,
        createdAt: '2020-05-20T07:00:00.000Z',
        updatedAt: '2020-05-20T07:00:00.000Z',
      };
      const body = [...paragraph('宣讲团走进社区。'), { type: 'image', image, children: [{ type: 'text', text: '' }] }];
      const story = await make.story({ title: '正文带图的稿件', body });
      const { records } = await sync(undefined, 200);
      const carried = records.find((record) => record.documentId === story.documentId);
      expect(carried?.type === 'story' && carried.body[1]).toMatchObject({
        type: 'image',
        image: { ...image, url: `${cms.url}/uploads/inline_hash.jpg` },
      });
      const stored = (await cms.strapi.db
        .query(UID.story)
        .findOne({ where: { documentId: story.documentId, publishedAt: { $notNull: true } } })) as {
        body: unknown;
      };
      expect(stored.body).toEqual(body);
    });

    it('never exports drafts', async () => {
      const { records } = await sync(undefined, 200);
      expect(records.some((record) => record.documentId === draft.documentId)).toBe(false);
    });

    it('reads a page with a few queries, however many records it holds', async () => {
      const outlet = await make.outlet({ name: '香城都市报' });
      for (let n = 0; n < 30; n += 1) await make.story({ title: `批量稿件${n}`, outlet: outlet.documentId });
      const queriesFor = async (limit: number) => {
        let count = 0;
        const listener = () => (count += 1);
        cms.strapi.db.connection.on('query', listener);
        const first = await page(`?limit=${limit}`);
        // Skip to the stories: the last full-export page that holds stories.
        let current = first;
        while (!current.records.some((record) => record.type === 'story') && current.hasMore) {
          current = await page(`?limit=${limit}&cursor=${current.cursor}`);
        }
        count = 0;
        await page(`?limit=${limit}&cursor=${current.cursor}`);
        cms.strapi.db.connection.off('query', listener);
        return count;
      };
      const small = await queriesFor(3);
      const large = await queriesFor(25);
      expect(large).toBeLessThanOrEqual(small + 2);
      expect(large).toBeLessThan(25);
    });
  });

  describe('incremental sync', () => {
    it('returns only what changed since, with tombstones for what was withdrawn', async () => {
      const base = await sync(undefined, 100);
      const again = await sync(base.cursor);
      expect(again.records).toEqual([]);
      expect(again.tombstones).toEqual([]);

      const fresh = await make.story({ title: '新发布的稿件' });
      const toWithdraw = base.records.find((record) => record.type === 'story')!;
      const toDelete = await make.story({ title: '将被删除的稿件' });
      const middle = await sync(base.cursor);
      await cms.strapi.documents(UID.story).unpublish({ documentId: toWithdraw.documentId });
      await cms.strapi.documents(UID.story).delete({ documentId: toDelete.documentId });

      const changes = await sync(middle.cursor);
      expect(changes.records.map((record) => record.documentId)).not.toContain(fresh.documentId);
      expect(changes.tombstones).toEqual(
        expect.arrayContaining([
          { type: 'story', documentId: toWithdraw.documentId },
          { type: 'story', documentId: toDelete.documentId },
        ]),
      );
      expect(middle.records.map((record) => record.documentId)).toEqual(expect.arrayContaining([fresh.documentId, toDelete.documentId]));

      // Published again: it comes back as a record, not a tombstone.
      await cms.strapi.documents(UID.story).publish({ documentId: toWithdraw.documentId });
      const back = await sync(changes.cursor);
      expect(back.records.map((record) => record.documentId)).toEqual([toWithdraw.documentId]);
      expect(back.tombstones).toEqual([]);
    });

    it('carries an opinion’s clauses as they stood at its last publish: a clause edit waits for the next', async () => {
      const opinions = cms.strapi.documents(UID.opinion);
      const clauses = cms.strapi.documents(UID.clause);
      const opinion = await opinions.create({
        data: { title: '关于全力推进咸宁高质量发展的意见', shortTitle: '《意见》' },
        status: 'published',
      } as never);
      const carried = (records: CampaignRecord[]) => {
        const record = records.find((candidate) => candidate.documentId === opinion.documentId);
        return record?.type === 'opinion' ? record.clauses.map(({ label, text }) => `${label}${text}`) : undefined;
      };
      const base = await sync(undefined, 500);
      expect(carried(base.records)).toEqual([]);

      await clauses.create({
        data: { opinion: opinion.documentId, label: '二、', heading: '主要任务', text: '第二条', order: 2 },
      } as never);
      const first = await clauses.create({
        data: { opinion: opinion.documentId, label: '一、', heading: '总体要求', text: '第一条', order: 1 },
      } as never);
      const edited = await sync(base.cursor);
      expect(edited.records).toEqual([]);
      expect(carried((await sync(undefined, 500)).records)).toEqual([]);
      // The opinion's draft shows the change waiting to be published.
      const versions = (await cms.strapi.db.query(UID.opinion).findMany({ where: { documentId: opinion.documentId } })) as Array<{
        publishedAt: string | null;
        updatedAt: string;
      }>;
      const [draft, published] = [versions.find((row) => !row.publishedAt)!, versions.find((row) => row.publishedAt)!];
      expect(new Date(draft.updatedAt).getTime()).toBeGreaterThan(new Date(published.updatedAt).getTime());

      await opinions.publish({ documentId: opinion.documentId } as never);
      const republished = await sync(edited.cursor);
      expect(carried(republished.records)).toEqual(['一、第一条', '二、第二条']);

      await clauses.update({ documentId: first.documentId, data: { text: '第一条（修订）' } } as never);
      expect(carried((await sync(undefined, 500)).records)).toEqual(['一、第一条', '二、第二条']);
      await opinions.publish({ documentId: opinion.documentId } as never);
      expect(carried((await sync(republished.cursor)).records)).toEqual(['一、第一条（修订）', '二、第二条']);
    });
  });
}
