/** The newsroom of the 三审 tests: one CMS, its people logged in, and the review routes as the panel calls them. */
import { afterAll, beforeAll, expect } from 'vitest';
import { SUPER_ADMIN_ROLE, UID } from 'strapi-plugin-campaign-desk/names';
import { adminApi, type Session } from '../support/admin-api';
import { paragraph } from '../support/fixtures';
import { startCms, type TestCms } from '../support/strapi';

export let cms: TestCms;

export let api: ReturnType<typeof adminApi>;

export const CM = `/content-manager/collection-types/${UID.story}`;

export const people: Record<'reporter' | 'otherReporter' | 'editor' | 'deskHead' | 'chief' | 'superAdmin', Session> = {} as never;

export const call = (session: Session, method: string, path: string, body?: unknown) => api.call(session, method, path, body);

export const status = (session: Session, documentId: string) => call(session, 'GET', `/campaign-desk/stories/${documentId}/review`);

export const review = (session: Session, documentId: string, action: string, comment?: string) =>
  api.review(session, documentId, action, comment);

export async function draftStory(author: Session, title: string) {
  const created = await call(author, 'POST', CM, { title, kind: 'news', body: paragraph('正文第一稿'), summary: '摘要' });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.data as { documentId: string; reviewStage: string };
}

/** Walks a story through the three reviews to approval: 责任编辑, 部门主任, 总编. */
export const approve = (documentId: string) => api.approve(people, documentId);

/** Boots the CMS once for the file and signs its people up. */
export function bootNewsroom(): void {
  beforeAll(async () => {
    cms = await startCms();
    api = adminApi(cms);
    Object.assign(people, await api.newsroom());
    people.otherReporter = await api.signUp('campaign-desk-reporter', '记者乙');
    people.superAdmin = await api.signUp(SUPER_ADMIN_ROLE, '管理员');
  });
  afterAll(async () => cms?.destroy());
}
