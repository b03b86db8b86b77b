/**
 * Newsroom people of a test CMS: a user of a role, made and logged in through the admin's
 * own login, and the admin API as they call it. The CMS suites and the end-to-end tests share it.
 */
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';

export interface Person {
  id: number;
  email: string;
  password: string;
  /** The admin JWT. */
  token: string;
}

type Cms = { strapi: Core.Strapi; url: string };

export async function signUp(cms: Cms, roleCode: string, name: string): Promise<Person> {
  const role = (await cms.strapi.db.query('admin::role').findOne({ where: { code: roleCode } })) as { id: number };
  // Only letters and digits: a name may hold spaces or Chinese, which an address cannot.
  const email = `${randomBytes(6).toString('hex')}@newsroom.example.cn`;
  const password = `Pw1${randomBytes(9).toString('base64url')}`;
  const user = (await cms.strapi
    .service('admin::user')
    .create({ email, firstname: name, lastname: '测试', password, isActive: true, roles: [role.id] })) as {
    id: number;
  };
  const login = await fetch(`${cms.url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`${email} could not log in: HTTP ${login.status}`);
  const { data } = (await login.json()) as { data: { token: string } };
  return { id: user.id, email, password, token: data.token };
}

/** An admin API call as `person`: the answer's status and parsed body. */
export async function call(cms: Cms, person: Pick<Person, 'token'>, method: string, path: string, body?: unknown) {
  const response = await fetch(`${cms.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${person.token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as Record<string, any> };
}
