/** A partner outlet reporting its placements with its token. */
import { beforeAll, describe, expect, it } from 'vitest';
import { UID } from 'strapi-plugin-campaign-desk/names';
import { fixtures } from '../support/fixtures';
import { api, cms, isPublic, ok, outlets, people } from './newsroom';

export function partnerOutlet(): void {
  describe('a partner outlet', () => {
    let token: string;
    let story: { documentId: string };
    const partner = (method: string, path: string, body?: unknown, bearer = token) =>
      fetch(`${cms.url}/api/campaign-desk${path}`, {
        method,
        headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }).then(async (response) => ({ status: response.status, body: (await response.json().catch(() => null)) as Record<string, any> }));

    beforeAll(async () => {
      story = await fixtures(cms.strapi).story({ title: '咸宁“六大”活动综述' });
    });

    it('gets a token of its own from the chief editor, shown once and kept only as a digest', async () => {
      expect(
        (await api.call(people.editor, 'POST', '/campaign-desk/partner-tokens', { outletId: outlets.hubei.documentId, label: '湖北日报' }))
          .status,
      ).toBe(403);
      const issued = ok(
        await api.call(people.chief, 'POST', '/campaign-desk/partner-tokens', {
          outletId: outlets.hubei.documentId,
          label: '湖北日报要闻部',
        }),
        201,
      );
      token = issued.token;
      expect(token).toMatch(/^cdp_/);
      expect(issued.record).toMatchObject({ label: '湖北日报要闻部', outlet: { name: '湖北日报' }, issuedBy: '测试主编', revokedAt: null });
      const stored = (await cms.strapi.db.query(UID.partnerToken).findOne({ where: { documentId: issued.record.documentId } })) as {
        tokenHash: string;
      };
      expect(stored.tokenHash).not.toContain(token.slice(4));
      const bad = await api.call(people.chief, 'POST', '/campaign-desk/partner-tokens', { outletId: outlets.hubei.documentId });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('label');
    });

    it('reads the campaign’s feed (the snapshot) with it, and nothing else of the content API', async () => {
      expect((await partner('GET', '/snapshot?limit=5')).status).toBe(200);
      const upload = await fetch(`${cms.url}/api/upload/files`, { headers: { Authorization: `Bearer ${token}` } });
      expect(upload.status).toBe(403);
    });

    it('reports a republication for its own outlet: accepted as carried, awaiting verification', async () => {
      const report = await partner('POST', '/partner/placements', {
        storyId: story.documentId,
        date: '2020-06-10',
        url: 'https://epaper.hubeidaily.net/pc/content/202006/10/c1.html',
      });
      expect(report.status, JSON.stringify(report.body)).toBe(201);
      expect(report.body.placement).toMatchObject({ storyId: story.documentId, state: 'carried', source: 'partner', verifiedAt: null });
      expect(await isPublic(report.body.placement.documentId)).toBe(false);
      const listed = await partner('GET', '/partner/placements');
      expect(listed.body.outlet).toEqual({ documentId: outlets.hubei.documentId, name: '湖北日报' });
      expect(listed.body.placements.map((placement: { documentId: string }) => placement.documentId)).toContain(
        report.body.placement.documentId,
      );

      const again = await partner('POST', '/partner/placements', { storyId: story.documentId, date: '2020-06-11', slot: '第2版' });
      expect(again.status).toBe(400);
      expect(again.body.error.message).toContain('storyId');
    });

    it('cannot report for another outlet (403)', async () => {
      const other = await partner('POST', '/partner/placements', {
        storyId: story.documentId,
        outletId: outlets.renmin.documentId,
        date: '2020-06-10',
        slot: '第4版',
      });
      expect(other.status).toBe(403);
      expect(other.body.error.message).toContain('湖北日报');
      expect(
        await cms.strapi.db.query(UID.placement).count({ where: { outlet: { documentId: outlets.renmin.documentId }, source: 'partner' } }),
      ).toBe(0);
    });

    it('gets a 400 naming each bad field, in Chinese', async () => {
      const bad = await partner('POST', '/partner/placements', { storyId: story.documentId, date: '2020/06/10', extra: 1 });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('date: 日期格式应为 YYYY-MM-DD');
      expect(bad.body.error.message).toContain('url: 须填写网址（url）或版面、栏目（slot）');
      expect(bad.body.error.message).toContain('不认识的字段：extra');
      const missing = await partner('POST', '/partner/placements', { storyId: 'no-such-story', date: '2020-06-10', slot: '第1版' });
      expect(missing.status).toBe(400);
      expect(missing.body.error.message).toContain('storyId: 没有找到已发布的稿件');
      const hostile = await partner('POST', '/partner/placements', {
        storyId: story.documentId,
        date: '2020-06-10',
        url: 'javascript:alert(1)',
      });
      expect(hostile.status).toBe(400);
      expect(hostile.body.error.message).toContain('url');
    });

    it('loses access when its token is revoked, and other tokens never reach the partner routes', async () => {
      const apiToken = await fixtures(cms.strapi).apiToken('full-access');
      expect((await partner('GET', '/partner/placements', undefined, apiToken)).status).toBe(401);
      const [record] = ok(await api.call(people.chief, 'GET', '/campaign-desk/partner-tokens')) as unknown as Array<{ documentId: string }>;
      ok(await api.call(people.chief, 'POST', `/campaign-desk/partner-tokens/${record!.documentId}/revoke`, {}));
      expect((await partner('GET', '/partner/placements')).status).toBe(401);
      expect((await partner('GET', '/snapshot?limit=1')).status).toBe(401);
    });
  });
}
