/**
 * Newsroom people of a test CMS: an account of a role (made as an administrator's invitation
 * makes one), logged in through the admin's own login, and the admin API as they call it.
 * The CMS suites, the admin's browser tests, the end-to-end tests and the bench share it.
 */
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';

export interface AdminAccount {
  id: number;
  email: string;
  password: string;
}

export interface Person extends AdminAccount {
  /** The admin JWT. */
  token: string;
}

type Cms = { strapi: Core.Strapi; url: string };

/**
 * An active account with the role of `roleCode` (e.g. `campaign-desk-reporter`,
 * `strapi-super-admin`), made the way an administrator's invitation makes one: with no
 * interface language of its own.
 */
export async function createAdminAccount(strapi: Core.Strapi, roleCode: string, firstname: string): Promise<AdminAccount> {
  const role = (await strapi.db.query('admin::role').findOne({ where: { code: roleCode } })) as { id: number } | null;
  if (!role) throw new Error(`no admin role with code ${roleCode}`);
  // Only letters, digits and hyphens: a name may hold spaces or Chinese, which an address cannot.
  const email = `${roleCode}-${randomBytes(4).toString('hex')}@newsroom.example.cn`;
  // Strapi asks for upper and lower case letters and a digit.
  const password = `Pw1${randomBytes(12).toString('base64url')}`;
  const user = (await strapi
    .service('admin::user')
    .create({ email, firstname, lastname: '测试', password, isActive: true, roles: [role.id] })) as {
    id: number;
  };
  return { id: user.id, email, password };
}

/** The admin's login (`POST /admin/login`) as its page sends it; the answer as it comes. */
export function adminLogin(cms: Pick<Cms, 'url'>, account: Pick<AdminAccount, 'email' | 'password'>): Promise<Response> {
  return fetch(`${cms.url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
}

/** An account of the role `roleCode`, logged in. */
export async function signUp(cms: Cms, roleCode: string, name: string): Promise<Person> {
  const account = await createAdminAccount(cms.strapi, roleCode, name);
  const login = await adminLogin(cms, account);
  if (login.status !== 200) throw new Error(`${account.email} could not log in: HTTP ${login.status}`);
  const { data } = (await login.json()) as { data: { token: string } };
  return { ...account, token: data.token };
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
