/** 三审 per outlet: each outlet's review chain. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLUGIN_ID, UID } from 'strapi-plugin-campaign-desk/names';
import type { Session } from '../support/admin-api';
import { fixtures, paragraph } from '../support/fixtures';
import { CM, api, call, cms, people, review, status } from './newsroom';

export function reviewChains(): void {
  describe('三审 per outlet (review chains)', () => {
    const rules = `plugin::${PLUGIN_ID}.review`;
    const crew: Record<'ribaoEditor' | 'xiangEditor' | 'xiangDesk' | 'zhubian' | 'ribaoReporter' | 'xiangReporter', Session> = {} as never;
    const outlets: Record<'ribao' | 'xiang', string> = {} as never;
    let before: unknown;

    /** A story of `outlet` by a reporter of that outlet (none: a reporter with no outlet), submitted. */
    async function submittedIn(outlet: string | null, title: string) {
      const author = outlet === outlets.ribao ? crew.ribaoReporter : outlet === outlets.xiang ? crew.xiangReporter : people.reporter;
      const data = {
        title,
        kind: 'news',
        body: paragraph('正文'),
        summary: '摘要',
        ...(outlet ? { outlet: { connect: [{ documentId: outlet }] } } : {}),
      };
      const created = await call(author, 'POST', CM, data);
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const id = created.body.data.documentId as string;
      expect((await review(author, id, 'submit')).status).toBe(200);
      return id;
    }

    beforeAll(async () => {
      const make = fixtures(cms.strapi);
      outlets.ribao = (await make.outlet({ name: '咸宁日报' })).documentId;
      outlets.xiang = (await make.outlet({ name: '香城都市报' })).documentId;
      crew.ribaoEditor = await api.signUp('campaign-desk-editor', '日报编辑');
      crew.xiangEditor = await api.signUp('campaign-desk-editor', '都市报编辑');
      crew.xiangDesk = await api.signUp('campaign-desk-editor', '都市报主任');
      crew.zhubian = await api.signUp('campaign-desk-chief-editor', '总编辑');
      crew.ribaoReporter = await api.signUp('campaign-desk-reporter', '日报记者');
      crew.xiangReporter = await api.signUp('campaign-desk-reporter', '都市报记者');
      // The chief editor sets the chains in 采编人员, the newsroom's own records.
      const chain: Array<[Session, string, string, Record<string, boolean>]> = [
        [crew.ribaoReporter, '日报记者', outlets.ribao, {}],
        [crew.xiangReporter, '都市报记者', outlets.xiang, {}],
        [crew.ribaoEditor, '日报编辑', outlets.ribao, { firstReview: true, secondReview: true }],
        [crew.xiangEditor, '都市报编辑', outlets.xiang, { firstReview: true }],
        [crew.xiangDesk, '都市报主任', outlets.xiang, { secondReview: true }],
        [crew.zhubian, '总编辑', outlets.ribao, { finalReview: true, allOutlets: true }],
      ];
      for (const [session, name, outlet, reviews] of chain) {
        const made = await call(people.chief, 'POST', `/content-manager/collection-types/${UID.staffMember}`, {
          name,
          email: session.email,
          outlet: { connect: [{ documentId: outlet }] },
          ...reviews,
        });
        expect(made.status, JSON.stringify(made.body)).toBe(201);
      }
      before = cms.strapi.config.get(rules);
      cms.strapi.config.set(rules, { ...(before as object), perOutlet: true });
    });
    afterAll(() => cms.strapi.config.set(rules, before));

    it('keep a 咸宁日报 editor from passing a 香城都市报 story, with a 403 naming the rule; its own chain passes it', async () => {
      const id = await submittedIn(outlets.xiang, '都市报的稿件');
      const refused = await review(crew.ribaoEditor, id, 'first');
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toBe('按媒体分设的审稿链：“香城都市报”稿件的初审由都市报编辑做，你不在其中');
      const returned = await review(crew.ribaoEditor, id, 'return', '越权退回');
      expect(returned.status).toBe(403);
      expect(returned.body.error.message).toBe('按媒体分设的审稿链：“香城都市报”稿件只能由其审稿链中的人退回修改，你不在其中');

      const seen = (await status(crew.ribaoEditor, id)).body;
      expect(seen.actions).toEqual([]);
      expect(seen.held.map((entry: { action: string }) => entry.action)).toEqual(['first', 'return']);
      expect(seen.chain).toEqual({ outlet: '香城都市报', first: ['都市报编辑'], second: ['都市报主任'], final: ['总编辑（跨媒体）'] });
      // A 编辑 outside every chain (no 采编人员 record) is outside this one too.
      expect((await review(people.editor, id, 'first')).status).toBe(403);

      expect((await review(crew.xiangEditor, id, 'first')).status).toBe(200);
      expect((await review(crew.ribaoEditor, id, 'second')).status).toBe(403);
      expect((await review(crew.xiangDesk, id, 'second')).status).toBe(200);
      // 主编 (only a chief editor holds 终审) is outside unless marked; the one across outlets passes.
      expect((await review(people.chief, id, 'final')).status).toBe(403);
      expect((await review(crew.zhubian, id, 'final')).body.stage).toBe('approved');
    });

    it('keep a person from joining a chain by changing their own email to a record’s (no password asked); an administrator may', async () => {
      // A record made before its account: the email no account holds yet.
      const waiting = `xiang-new-${Date.now()}@example.test`;
      const made = await call(people.chief, 'POST', `/content-manager/collection-types/${UID.staffMember}`, {
        name: '都市报新编辑',
        email: waiting,
        outlet: { connect: [{ documentId: outlets.xiang }] },
        firstReview: true,
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      for (const email of [waiting, waiting.toUpperCase()]) {
        const changed = await call(crew.ribaoEditor, 'PUT', '/admin/users/me', { email });
        expect(changed.status).toBe(400);
        expect(changed.body.error.details.errors).toEqual([
          expect.objectContaining({
            path: ['email'],
            message: expect.stringContaining('邮箱（email）不能改为采编人员“都市报新编辑”的邮箱'),
          }),
        ]);
      }
      const id = await submittedIn(outlets.xiang, '改邮箱也进不了的审稿链');
      expect((await review(crew.ribaoEditor, id, 'first')).status).toBe(403);
      // An email no record names is the person's to change; the administrator may give the record's to an account.
      const mine = `ribao-editor-${Date.now()}@example.test`;
      expect((await call(crew.ribaoEditor, 'PUT', '/admin/users/me', { email: mine })).status).toBe(200);
      expect((await call(people.superAdmin, 'PUT', `/admin/users/${crew.ribaoEditor.id}`, { email: crew.ribaoEditor.email })).status).toBe(
        200,
      );
    });

    it('keep a story in its author’s outlet: not placed elsewhere, moved or emptied, by its reporter or another outlet’s editor; 跨媒体 may', async () => {
      const elsewhere = { outlet: { connect: [{ documentId: outlets.xiang }] } };
      const created = await call(crew.ribaoReporter, 'POST', CM, {
        title: '投到别家的稿件',
        kind: 'news',
        body: paragraph('正文'),
        ...elsewhere,
      });
      expect(created.status).toBe(403);
      expect(created.body.error.message).toBe(
        '按媒体分设审稿链时，稿件的首发媒体（outlet）只能是作者所属的“咸宁日报”，不能改为“香城都市报”：首发媒体决定由谁审稿。',
      );
      expect(await cms.strapi.db.query(UID.story).count({ where: { title: '投到别家的稿件' } })).toBe(0);

      const own = await call(crew.ribaoReporter, 'POST', CM, { title: '本单位的稿件', kind: 'news', body: paragraph('正文') });
      expect(own.status).toBe(201);
      const id = own.body.data.documentId as string;
      const outletOf = async () =>
        (
          (await cms.strapi.db.query(UID.story).findOne({ where: { documentId: id, publishedAt: null }, populate: { outlet: true } })) as {
            outlet: { documentId: string } | null;
          }
        ).outlet?.documentId;
      expect(await outletOf()).toBe(outlets.ribao);
      const moved = await call(crew.ribaoReporter, 'PUT', `${CM}/${id}`, { title: '本单位的稿件', ...elsewhere });
      expect(moved.status).toBe(403);
      expect(await outletOf()).toBe(outlets.ribao);
      // Emptied, the story would go to the 跨媒体 reviewers; moved by an editor of another outlet, into that editor's chain.
      const emptied = await call(crew.ribaoReporter, 'PUT', `${CM}/${id}`, { title: '本单位的稿件', outlet: null });
      expect(emptied.body.error?.message).toBe(
        '按媒体分设审稿链时，稿件的首发媒体（outlet）只能是作者所属的“咸宁日报”，不能改为空：首发媒体决定由谁审稿。',
      );
      expect((await call(crew.xiangEditor, 'PUT', `${CM}/${id}`, { title: '本单位的稿件', ...elsewhere })).status).toBe(403);
      expect(await outletOf()).toBe(outlets.ribao);
      // An edit that leaves the outlet alone goes through; the chief editor across outlets may move it.
      expect((await call(crew.ribaoReporter, 'PUT', `${CM}/${id}`, { title: '本单位的稿件（改）' })).status).toBe(200);
      expect((await call(crew.zhubian, 'PUT', `${CM}/${id}`, { title: '本单位的稿件（改）', ...elsewhere })).status).toBe(200);
      expect(await outletOf()).toBe(outlets.xiang);
    });

    it('let the chief editor across outlets make 终审 for every outlet, and only them for a story naming none', async () => {
      const ribao = await submittedIn(outlets.ribao, '日报的稿件');
      expect((await review(crew.xiangEditor, ribao, 'first')).status).toBe(403);
      expect((await review(crew.ribaoEditor, ribao, 'first')).status).toBe(200);
      expect((await review(crew.xiangDesk, ribao, 'second')).status).toBe(403);
      const loose = await submittedIn(null, '未填首发媒体的稿件');
      const refused = await review(crew.ribaoEditor, loose, 'first');
      expect(refused.body.error.message).toBe('按媒体分设的审稿链：未填首发媒体的稿件的初审尚未指定审稿人，你不在其中');
      expect((await status(crew.zhubian, loose)).body.chain).toEqual({ outlet: null, first: [], second: [], final: ['总编辑（跨媒体）'] });
    });

    it('are off unless configured: every holder of a review reviews every outlet, and no chain is shown', async () => {
      cms.strapi.config.set(rules, before);
      try {
        const id = await submittedIn(outlets.xiang, '不分媒体');
        expect((await status(crew.ribaoEditor, id)).body.chain).toBeNull();
        expect((await review(crew.ribaoEditor, id, 'first')).status).toBe(200);
      } finally {
        cms.strapi.config.set(rules, { ...(before as object), perOutlet: true });
      }
    });
  });
}
