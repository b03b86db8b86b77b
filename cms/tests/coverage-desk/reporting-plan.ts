/** A reporting plan with its topics, assigned and fulfilled. */
import { beforeAll, describe, expect, it } from 'vitest';
import { UID } from 'strapi-plugin-campaign-desk/names';
import { fixtures, paragraph } from '../support/fixtures';
import { api, cm, cms, connect, dayOffset, fieldsOf, ok, outlets, people, today } from './newsroom';

export function reportingPlan(): void {
  describe('a reporting plan', () => {
    let plan: { documentId: string };
    let theme: string;

    beforeAll(async () => {
      theme = await fixtures(cms.strapi).taxonomyId('theme', 'zengzhangji');
    });

    it('is one per outlet and phase', async () => {
      plan = ok(
        await api.call(people.editor, 'POST', cm(UID.reportingPlan), {
          title: '咸宁日报第一阶段报道方案',
          outlet: connect(outlets.ribao.documentId),
          theme: connect(theme),
        }),
        201,
      ).data;
      const second = await api.call(people.editor, 'POST', cm(UID.reportingPlan), {
        title: '又一个方案',
        outlet: connect(outlets.ribao.documentId),
        theme: connect(theme),
      });
      expect(second.status).toBe(400);
      expect(second.body.error.message).toContain('已有报道方案《咸宁日报第一阶段报道方案》');
      expect(fieldsOf(second)).toEqual(['outlet', 'theme']);
      expect(await cms.strapi.db.query(UID.reportingPlan).count({ where: { title: '又一个方案' } })).toBe(0);
      // A reporter reads plans but does not make them.
      expect((await api.call(people.reporter, 'POST', cm(UID.reportingPlan), { title: 'x' })).status).toBe(403);
    });

    it('assigns topics that reporters see first, and editors see due this week or overdue', async () => {
      const reporterStaff = (await cms.strapi.db.query(UID.staffMember).findOne({ where: { name: '记者甲' } })) as { documentId: string };
      const topic = (title: string, dueOn: string, reporters: string[] = []) =>
        api.call(people.editor, 'POST', cm(UID.topic), {
          title,
          angle: '从企业车间看特色产业集群',
          plan: connect(plan.documentId),
          dueOn,
          reporters: { connect: reporters.map((documentId) => ({ documentId })) },
        });
      ok(await topic('特色产业链走访', today, [reporterStaff.documentId]), 201);
      ok(await topic('招商引资综述', dayOffset(-3), [reporterStaff.documentId]), 201);
      ok(await topic('别人的选题', dayOffset(-1)), 201);

      const mine = ok(await api.call(people.reporter, 'GET', '/campaign-desk/desk'));
      expect(mine.staff).toEqual({ name: '记者甲', outlet: '咸宁日报' });
      expect(mine.mine.map((entry: { title: string }) => entry.title)).toEqual(['招商引资综述', '特色产业链走访']);

      const editor = ok(await api.call(people.editor, 'GET', '/campaign-desk/desk'));
      expect(editor.dueThisWeek.map((entry: { title: string }) => entry.title)).toEqual(['特色产业链走访']);
      expect(editor.overdue.map((entry: { title: string }) => entry.title)).toEqual(['招商引资综述', '别人的选题']);
    });

    it('is fulfilled when a story linked to a topic is published', async () => {
      const story = ok(
        await api.call(people.reporter, 'POST', cm(UID.story), { title: '特色产业链走访记', kind: 'feature', body: paragraph('正文') }),
        201,
      ).data;
      // The reporter's story takes the reporter's outlet.
      const saved = (await cms.strapi.db
        .query(UID.story)
        .findOne({ where: { documentId: story.documentId }, populate: { outlet: true } })) as {
        outlet: { documentId: string } | null;
      };
      expect(saved.outlet?.documentId).toBe(outlets.ribao.documentId);

      const topic = (await cms.strapi.db.query(UID.topic).findOne({ where: { title: '特色产业链走访' } })) as { documentId: string };
      ok(
        await api.call(people.reporter, 'PUT', cm(UID.topic, topic.documentId), { progress: 'filed', stories: connect(story.documentId) }),
      );
      expect((await cms.strapi.db.query(UID.topic).findOne({ where: { documentId: topic.documentId } })).progress).toBe('filed');

      await api.approve(people, story.documentId);
      ok(await api.call(people.chief, 'POST', `${cm(UID.story, story.documentId)}/actions/publish`, {}));
      expect((await cms.strapi.db.query(UID.topic).findOne({ where: { documentId: topic.documentId } })).progress).toBe('published');
      const desk = ok(await api.call(people.editor, 'GET', '/campaign-desk/desk'));
      expect(desk.dueThisWeek).toEqual([]);
    });
  });
}
