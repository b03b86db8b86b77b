/** The admin HTTP API as the newsroom uses it: real accounts of a role, logged in, calling its endpoints. */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { TestCms } from './strapi';

export interface Session {
  token: string;
  id: number;
  email: string;
}

export interface Answer {
  status: number;
  body: Record<string, any>;
}

export function adminApi(cms: TestCms) {
  return {
    async call(session: Session, method: string, path: string, body?: unknown): Promise<Answer> {
      const response = await fetch(`${cms.url}${path}`, {
        method,
        headers: { Authorization: `Bearer ${session.token}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : null) as Record<string, any> };
    },

    /** One account of each newsroom role, logged in. */
    async newsroom(): Promise<Record<'reporter' | 'editor' | 'chief', Session>> {
      return {
        reporter: await this.signUp('campaign-desk-reporter', '记者'),
        editor: await this.signUp('campaign-desk-editor', '编辑'),
        chief: await this.signUp('campaign-desk-chief-editor', '主编'),
      };
    },

    /** A new account with the role `roleCode`, logged in. */
    async signUp(roleCode: string, name: string): Promise<Session> {
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
      return { token: data.token, id: user.id, email };
    },
  };
}
