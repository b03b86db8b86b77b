/** Newsroom people of the end-to-end system: made with a role, logged in, and the admin API as they call it. */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { CampaignSystem } from './system';

export interface Person {
  email: string;
  password: string;
  token: string;
}

export async function signUp(system: CampaignSystem, roleCode: string, name: string): Promise<Person> {
  const role = await system.strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
  const email = `${name}-${randomBytes(3).toString('hex')}@newsroom.example.cn`;
  const password = `Pw1${randomBytes(9).toString('base64url')}`;
  await system.strapi.service('admin::user').create({ email, firstname: name, password, isActive: true, roles: [role.id] });
  const response = await fetch(`${system.cmsUrl}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return { email, password, token: ((await response.json()) as { data: { token: string } }).data.token };
}

/** An admin API call that must succeed; its JSON answer. */
export async function call(system: CampaignSystem, person: Person, method: string, path: string, body?: unknown) {
  const response = await fetch(`${system.cmsUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${person.token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, any>;
  expect(response.status, JSON.stringify(json)).toBeLessThan(300);
  return json;
}
