/**
 * The coverage desk through the admin HTTP API, as real role accounts use it: a reporting
 * plan with topics assigned and fulfilled, a placement through every state (public and
 * counted only once verified), and partner outlets reporting with their own tokens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '@campaign-desk/shared';
import { PLUGIN_ID, UID } from 'strapi-plugin-campaign-desk/names';
import { adminApi, type Answer, type Session } from './support/admin-api';
import { fixtures, paragraph } from './support/fixtures';
import { startCms, type TestCms } from './support/strapi';

let cms: TestCms;
let api: ReturnType<typeof adminApi>;
const people = {} as Record<'reporter' | 'editor' | 'deskHead' | 'chief', Session>;
const outlets = {} as Record<'ribao' | 'hubei' | 'renmin', { documentId: string }>;
const cm = (uid: string, documentId = '') => `/content-manager/collection-types/${uid}${documentId ? `/${documentId}` : ''}`;
const connect = (documentId: string) => ({ connect: [{ documentId }] });
const today = shanghaiDate(new Date());
const dayOffset = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const ok = (answer: Answer, status = 200) => {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  return answer.body;
};
/** The fields a refusal names (the content manager shows each beside its input). */
const fieldsOf = (answer: Answer) =>
  ((answer.body.error?.details?.errors ?? []) as Array<{ path: string[] }>).map((issue) => issue.path.join('.'));

const journalOf = async (documentId: string) =>
  (
    (await cms.strapi.db.query(UID.change).findMany({ where: { recordId: documentId }, orderBy: { id: 'asc' } })) as Array<{
      operation: string;
    }>
  ).map((change) => change.operation);
const isPublic = async (documentId: string) =>
  (
    await cms.strapi
      .plugin(PLUGIN_ID)
      .service('record-reader')
      .read('placement', 'http://127.0.0.1', { documentIds: [documentId] })
  ).records.length === 1;
const coverageOf = async (outletId: string) => {
  const statistics = ok(await api.call(people.chief, 'GET', `/campaign-desk/statistics?from=2020-01-01&to=${today}`));
  return statistics.coverage.outlets.find((outlet: { documentId: string }) => outlet.documentId === outletId);
};

beforeAll(async () => {
  cms = await startCms();
  api = adminApi(cms);
  Object.assign(people, await api.newsroom());
  const make = fixtures(cms.strapi);
  outlets.ribao = await make.outlet({ name: '咸宁日报' });
  outlets.hubei = await make.outlet({ name: '湖北日报', level: 'provincial', runsCampaignColumn: false, countsTowardCoverage: true });
  outlets.renmin = await make.outlet({ name: '人民日报', level: 'central', runsCampaignColumn: false, countsTowardCoverage: true });
  // The chief editor records which outlet each account works for.
  for (const [session, name] of [
    [people.reporter, '记者甲'],
    [people.editor, '编辑乙'],
  ] as const) {
    ok(
      await api.call(people.chief, 'POST', cm(UID.staffMember), {
        name,
        email: session.email.toUpperCase(),
        outlet: connect(outlets.ribao.documentId),
      }),
      201,
    );
  }
});
afterAll(async () => cms?.destroy());

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
    ok(await api.call(people.reporter, 'PUT', cm(UID.topic, topic.documentId), { progress: 'filed', stories: connect(story.documentId) }));
    expect((await cms.strapi.db.query(UID.topic).findOne({ where: { documentId: topic.documentId } })).progress).toBe('filed');

    await api.approve(people, story.documentId);
    ok(await api.call(people.chief, 'POST', `${cm(UID.story, story.documentId)}/actions/publish`, {}));
    expect((await cms.strapi.db.query(UID.topic).findOne({ where: { documentId: topic.documentId } })).progress).toBe('published');
    const desk = ok(await api.call(people.editor, 'GET', '/campaign-desk/desk'));
    expect(desk.dueThisWeek).toEqual([]);
  });
});

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
