/** A placement through every state, public and not. */
import { beforeAll, describe, expect, it } from 'vitest';
import { PLUGIN_ID, UID } from 'strapi-plugin-campaign-desk/names';
import { fixtures } from '../support/fixtures';
import { api, cm, cms, connect, coverageOf, fieldsOf, isPublic, journalOf, ok, outlets, people } from './newsroom';

export function placement(): void {
  describe('a placement', () => {
    let story: { documentId: string };
    let evidence: { id: number };

    beforeAll(async () => {
      const make = fixtures(cms.strapi);
      story = await make.story({ title: '咸宁推进“六大”活动见实效' });
      evidence = await make.image('page-3');
    });

    it('goes pitched → carried → verified, public and counted only when verified, and back', async () => {
      const url = cm(UID.placement);
      const pitchedWithoutContact = await api.call(people.reporter, 'POST', url, {
        story: connect(story.documentId),
        outlet: connect(outlets.hubei.documentId),
        state: 'pitched',
        pitchedOn: '2020-06-01',
      });
      expect(pitchedWithoutContact.status).toBe(400);
      expect(pitchedWithoutContact.body.error.message).toContain('对接人');
      expect(fieldsOf(pitchedWithoutContact)).toEqual(['contact']);

      const pitched = ok(
        await api.call(people.reporter, 'POST', url, {
          story: connect(story.documentId),
          outlet: connect(outlets.hubei.documentId),
          state: 'pitched',
          pitchedOn: '2020-06-01',
          contact: '湖北日报要闻部 王编辑',
          // A form cannot claim a verification or a source.
          verifiedBy: '冒名',
          source: 'partner',
        }),
        201,
      ).data as { documentId: string; verifiedBy: string | null; source: string };
      expect([pitched.verifiedBy, pitched.source]).toEqual([null, 'newsroom']);
      // Entering a placement publishes nothing.
      expect(await journalOf(pitched.documentId)).toEqual([]);
      expect(await isPublic(pitched.documentId)).toBe(false);

      const skipping = await api.call(people.editor, 'PUT', cm(UID.placement, pitched.documentId), { state: 'verified' });
      expect(skipping.status).toBe(400);
      expect(fieldsOf(skipping)).toEqual(['state']);

      const carriedWithoutDay = await api.call(people.reporter, 'PUT', cm(UID.placement, pitched.documentId), {
        state: 'carried',
        slot: '第3版',
      });
      expect(carriedWithoutDay.status).toBe(400);
      expect(fieldsOf(carriedWithoutDay)).toEqual(['date']);
      ok(
        await api.call(people.reporter, 'PUT', cm(UID.placement, pitched.documentId), {
          state: 'carried',
          slot: '第3版',
          date: '2020-06-03',
        }),
      );
      expect(await journalOf(pitched.documentId)).toEqual([]);
      expect((await coverageOf(outlets.hubei.documentId)).cumulativePlacements).toBe(0);

      const reporterVerifies = await api.call(people.reporter, 'PUT', cm(UID.placement, pitched.documentId), {
        state: 'verified',
        evidence: evidence.id,
      });
      expect(reporterVerifies.status).toBe(403);
      const withoutEvidence = await api.call(people.editor, 'PUT', cm(UID.placement, pitched.documentId), { state: 'verified' });
      expect(withoutEvidence.status).toBe(400);
      expect(fieldsOf(withoutEvidence)).toEqual(['evidence']);

      const note = '内部备注：王编辑说稿费下月结';
      const verified = ok(
        await api.call(people.editor, 'PUT', cm(UID.placement, pitched.documentId), { state: 'verified', evidence: evidence.id, note }),
      ).data;
      expect(verified.verifiedBy).toBe('测试编辑');
      // Public now, but not its note: that stays in the newsroom.
      const token = await fixtures(cms.strapi).apiToken();
      const snapshot = await (
        await fetch(`${cms.url}/api/campaign-desk/snapshot?limit=500`, { headers: { Authorization: `Bearer ${token}` } })
      ).json();
      const record = snapshot.records.find((entry: { documentId: string }) => entry.documentId === pitched.documentId);
      expect(record).toMatchObject({ type: 'placement', slot: '第3版' });
      expect(JSON.stringify(snapshot)).not.toContain(note);
      expect(verified.verifiedAt).toEqual(expect.any(String));
      expect(await isPublic(pitched.documentId)).toBe(true);
      expect(await journalOf(pitched.documentId)).toEqual(['upsert']);
      expect(await coverageOf(outlets.hubei.documentId)).toMatchObject({
        target: true,
        placements: 1,
        cumulativePlacements: 1,
        cumulativeStories: 1,
        lastDate: '2020-06-03',
      });

      // A verified placement is the editors' to change; the reporter who entered it may not.
      expect((await api.call(people.reporter, 'PUT', cm(UID.placement, pitched.documentId), { note: '补充' })).status).toBe(403);

      // Taking the verification back withdraws it from the public and from the figures.
      const unverified = ok(await api.call(people.editor, 'PUT', cm(UID.placement, pitched.documentId), { state: 'carried' })).data;
      expect([unverified.verifiedBy, unverified.verifiedAt]).toEqual([null, null]);
      expect(await isPublic(pitched.documentId)).toBe(false);
      expect(await journalOf(pitched.documentId)).toEqual(['upsert', 'withdraw']);
      expect((await coverageOf(outlets.hubei.documentId)).cumulativePlacements).toBe(0);
    });

    it('can be declined, and deleting one the public never saw announces nothing', async () => {
      const declined = ok(
        await api.call(people.reporter, 'POST', cm(UID.placement), {
          story: connect(story.documentId),
          outlet: connect(outlets.renmin.documentId),
          state: 'pitched',
          pitchedOn: '2020-06-02',
          contact: '人民日报地方部',
        }),
        201,
      ).data as { documentId: string };
      ok(await api.call(people.reporter, 'PUT', cm(UID.placement, declined.documentId), { state: 'rejected' }));
      ok(await api.call(people.editor, 'DELETE', cm(UID.placement, declined.documentId)));
      expect(await journalOf(declined.documentId)).toEqual([]);
      expect(await cms.strapi.db.query(UID.outboxEvent).count({ where: { recordId: declined.documentId } })).toBe(0);
    });

    it('is counted only when not a sample, and a sample never leaves as fact', async () => {
      const make = fixtures(cms.strapi);
      const sampleStory = await make.story({ title: '【示例】示例稿件', sample: true });
      const placement = await cms.strapi.documents(UID.placement).create({
        data: {
          story: sampleStory.documentId,
          outlet: outlets.renmin.documentId,
          state: 'verified',
          date: '2020-06-05',
          slot: '第1版',
          evidence: evidence.id,
          sample: true,
        },
      } as never);
      const [record] = (
        await cms.strapi
          .plugin(PLUGIN_ID)
          .service('record-reader')
          .read('placement', 'http://127.0.0.1', { documentIds: [placement.documentId] })
      ).records;
      expect(record).toMatchObject({ sample: true });
      expect((await coverageOf(outlets.renmin.documentId)).cumulativePlacements).toBe(0);
    });
  });
}
