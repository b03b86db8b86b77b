/** The coverage desk's newsroom: one CMS with the campaign's outlets, its people logged in, and the helpers the tests share. */
import { afterAll, beforeAll, expect } from 'vitest';
import { shanghaiDate } from '@campaign-desk/shared';
import { PLUGIN_ID, UID } from 'strapi-plugin-campaign-desk/names';
import { adminApi, type Answer, type Session } from '../support/admin-api';
import { fixtures } from '../support/fixtures';
import { startCms, type TestCms } from '../support/strapi';

export let cms: TestCms;

export let api: ReturnType<typeof adminApi>;

export const people = {} as Record<'reporter' | 'editor' | 'deskHead' | 'chief', Session>;

export const outlets = {} as Record<'ribao' | 'hubei' | 'renmin', { documentId: string }>;

export const cm = (uid: string, documentId = '') => `/content-manager/collection-types/${uid}${documentId ? `/${documentId}` : ''}`;

export const connect = (documentId: string) => ({ connect: [{ documentId }] });

export const today = shanghaiDate(new Date());

export const dayOffset = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export const ok = (answer: Answer, status = 200) => {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  return answer.body;
};

/** The fields a refusal names (the content manager shows each beside its input). */
export const fieldsOf = (answer: Answer) =>
  ((answer.body.error?.details?.errors ?? []) as Array<{ path: string[] }>).map((issue) => issue.path.join('.'));

export const journalOf = async (documentId: string) =>
  (
    (await cms.strapi.db.query(UID.change).findMany({ where: { recordId: documentId }, orderBy: { id: 'asc' } })) as Array<{
      operation: string;
    }>
  ).map((change) => change.operation);

export const isPublic = async (documentId: string) =>
  (
    await cms.strapi
      .plugin(PLUGIN_ID)
      .service('record-reader')
      .read('placement', 'http://127.0.0.1', { documentIds: [documentId] })
  ).records.length === 1;

export const coverageOf = async (outletId: string) => {
  const statistics = ok(await api.call(people.chief, 'GET', `/campaign-desk/statistics?from=2020-01-01&to=${today}`));
  return statistics.coverage.outlets.find((outlet: { documentId: string }) => outlet.documentId === outletId);
};

/** Boots the CMS once for the file and signs its people up. */
export function bootNewsroom(): void {
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
}
