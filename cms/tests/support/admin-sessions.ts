/** Newsroom people logged in to the admin of a test CMS, and the admin API as they call it. */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { TestCms } from './strapi';

export interface Session {
  token: string;
  id: number;
}

/** A user of the role `roleCode`, made and logged in through the admin's own login. */
export async function signUp(cms: TestCms, roleCode: string, name: string): Promise<Session> {
  const role = await cms.strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
  const email = `${name}-${randomBytes(3).toString('hex')}@newsroom.example.cn`;
  const password = `Pw1${randomBytes(9).toString('base64url')}`;
  const user = await cms.strapi.service('admin::user').create({
    email,
    firstname: name,
    lastname: '测试',
    password,
    isActive: true,
    roles: [role.id],
  });
  const login = await fetch(`${cms.url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(login.status).toBe(200);
  const { data } = (await login.json()) as { data: { token: string } };
  return { token: data.token, id: user.id };
}

/** An admin API call as `session`; the answer's status and parsed body. */
export async function call(cms: TestCms, session: Session, method: string, path: string, body?: unknown) {
  const response = await fetch(`${cms.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${session.token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as Record<string, any> };
}
