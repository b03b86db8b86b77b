/**
 * Every action of Strapi's Document Service meets the plugin's rules: the actions table names
 * each one the installed Strapi offers, each rule covers actions of that table, and clone,
 * which the content manager allows with the create right alone, is a create of the copied
 * data (through every rule) or refused, type by type, through the content manager's route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CAMPAIGN_CONTENT_TYPES,
  CONTENT_TYPES,
  UID,
  type CampaignContentKey,
  type ContentTypeKey,
} from 'strapi-plugin-campaign-desk/names';
import { documentRules } from '../src/plugins/campaign-desk/server/src/document-service';
import { ACTIONS, isAction } from '../src/plugins/campaign-desk/server/src/document-service/actions';
import { COPIES } from '../src/plugins/campaign-desk/server/src/document-service/clone-as-create';
import { adminApi, type Session } from './support/admin-api';
import { sampleRecords } from './support/sample-records';
import { startCms, type TestCms } from './support/strapi';

let cms: TestCms;
let api: ReturnType<typeof adminApi>;
let records: ReturnType<typeof sampleRecords>;
let chief: Session;
let reporter: Session;
/** What reached Strapi's own action, past every rule: [uid, action]. */
const reached: Array<[string, string]> = [];

const cloneRoute = (uid: string, documentId: string) => `/content-manager/collection-types/${uid}/clone/${documentId}`;
const count = (uid: string, where: Record<string, unknown> = {}) => cms.strapi.db.query(uid as never).count({ where });

beforeAll(async () => {
  cms = await startCms();
  api = adminApi(cms);
  records = sampleRecords(cms.strapi);
  chief = await api.signUp('campaign-desk-chief-editor', '主编');
  reporter = await api.signUp('campaign-desk-reporter', '记者');
  // Innermost, after every rule.
  cms.strapi.documents.use(async (context, next) => {
    reached.push([context.uid, context.action]);
    return next();
  });
});
afterAll(async () => {
  await cms?.destroy();
});

describe('the actions table', () => {
  it('names every action the installed Strapi offers on each of the plugin’s types', () => {
    const unnamed = (Object.keys(UID) as ContentTypeKey[]).flatMap((type) => {
      const documents = cms.strapi.documents(UID[type] as never) as unknown as Record<string, unknown>;
      // Strapi's two helpers that are no actions (not run through the middlewares).
      const offered = Object.keys(documents).filter(
        (key) => typeof documents[key] === 'function' && !['updateComponents', 'omitComponentData'].includes(key),
      );
      expect(offered).toEqual(expect.arrayContaining(['create', 'update', 'delete', 'clone', 'findOne']));
      return offered.filter((action) => !isAction(action)).map((action) => `${type}.${action}`);
    });
    expect(unnamed).toEqual([]);
  });

  it('has every rule cover actions of the table, and clone only as a create', () => {
    for (const rule of documentRules(cms.strapi)) {
      expect(
        rule.covers.filter((action) => !isAction(action)),
        rule.name,
      ).toEqual([]);
      if (rule.name !== 'cloneAsCreate') expect(rule.covers, rule.name).not.toContain('clone');
    }
    // Each write is covered by at least the rules that journal, check and announce public changes.
    const writes = (Object.keys(ACTIONS) as Array<keyof typeof ACTIONS>).filter((action) => ACTIONS[action] === 'write');
    for (const action of writes)
      expect(
        documentRules(cms.strapi).some((rule) => rule.covers.includes(action)),
        action,
      ).toBe(true);
  });
});

describe('a clone', () => {
  it.each(CAMPAIGN_CONTENT_TYPES.map((type) => [CONTENT_TYPES[type].info.displayName, type] as const))(
    'of a %s through the content manager is a create that meets every rule, or is refused',
    async (_, type: CampaignContentKey) => {
      const uid = UID[type];
      const source = (await cms.strapi.db.query(uid as never).findOne({ select: ['documentId'] })) as { documentId: string } | null;
      const documentId = source?.documentId ?? (await records.create(type)).documentId;
      const before = await count(uid);
      reached.length = 0;
      const answer = await api.call(chief, 'POST', cloneRoute(uid, documentId), {});
      if (COPIES[type] === 'copy') {
        // The copy is made by a create that goes past every rule; Strapi's clone never runs.
        expect(reached).toContainEqual([uid, 'create']);
        expect(reached).not.toContainEqual([uid, 'clone']);
        if (type === 'reportingPlan') {
          // A copy of a plan is a second plan for its outlet and phase: the one-plan rule refuses it.
          expect(answer.status).toBe(400);
          expect(answer.body.error.message).toContain('阶段已有报道方案');
          expect(await count(uid)).toBe(before);
        } else {
          expect(answer.status, JSON.stringify(answer.body)).toBe(200);
          expect(answer.body.data.documentId).not.toBe(documentId);
        }
      } else {
        expect(answer.status).toBe(400);
        expect(answer.body.error.message).toBe(`${CONTENT_TYPES[type].info.displayName}不能复制：${COPIES[type]}`);
        expect(await count(uid)).toBe(before);
      }
    },
  );

  it('of the plugin’s own records is refused in code too', async () => {
    for (const type of ['change', 'reviewEntry', 'outboxEvent', 'outboxDelivery', 'submission', 'partnerToken'] as const) {
      await expect(cms.strapi.documents(UID[type] as never).clone({ documentId: 'any' } as never)).rejects.toThrow(
        `${CONTENT_TYPES[type].info.displayName}不能复制`,
      );
    }
  });

  it('of a verified placement by a 记者 is refused: no copy, no journal entry, no publish event', async () => {
    const placement = (await cms.strapi.documents(UID.placement).create({
      data: { ...(await records.data('placement', 'code')), state: 'verified', date: '2020-06-02', url: 'https://example.cn/verified' },
    } as never)) as { documentId: string };
    const [placements, changes, events] = [await count(UID.placement), await count(UID.change), await count(UID.outboxEvent)];
    const answer = await api.call(reporter, 'POST', cloneRoute(UID.placement, placement.documentId), {});
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain('上稿记录不能复制');
    expect([await count(UID.placement), await count(UID.change), await count(UID.outboxEvent)]).toEqual([placements, changes, events]);
  });

  it('of a published story is a new draft at 草稿 with a slug of its own, nothing of it public', async () => {
    const story = await records.create('story', { publish: true });
    const [published] = (await cms.strapi.db
      .query(UID.story)
      .findMany({ where: { documentId: story.documentId, publishedAt: { $notNull: true } } })) as Array<Record<string, unknown>>;
    const answer = await api.call(chief, 'POST', cloneRoute(UID.story, story.documentId), {});
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const copy = answer.body.data.documentId as string;
    const rows = (await cms.strapi.db.query(UID.story).findMany({ where: { documentId: copy } })) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ title: published!.title, reviewStage: 'draft', publishedAt: null });
    expect(rows[0]!.slug).not.toBe(published!.slug);
    expect(await count(UID.change, { recordId: copy })).toBe(0);
  });
});

describe('a verified placement', () => {
  it('is deleted only by someone who may verify, whatever delete right a role was given', async () => {
    const placement = (await cms.strapi.documents(UID.placement).create({
      data: { ...(await records.data('placement', 'code')), state: 'verified', date: '2020-06-03', url: 'https://example.cn/kept' },
    } as never)) as { documentId: string };
    // As if an administrator had let 记者 delete placements: the rule alone stands in the way.
    const deleteAs = (user: Session) =>
      cms.strapi.requestContext.run({ state: { user: { id: user.id } } } as never, async () => {
        await cms.strapi.documents(UID.placement).delete({ documentId: placement.documentId } as never);
      });
    await expect(deleteAs(reporter)).rejects.toThrow('已核实的上稿记录只有有核实权限的人（编辑、主编）可以删除');
    expect(await count(UID.placement, { documentId: placement.documentId })).toBe(1);
    await deleteAs(await api.signUp('campaign-desk-editor', '编辑'));
    expect(await count(UID.placement, { documentId: placement.documentId })).toBe(0);
  });
});
