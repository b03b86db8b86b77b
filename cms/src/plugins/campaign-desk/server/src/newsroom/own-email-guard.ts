/**
 * A person cannot make themselves someone else's 采编人员 record. Records are matched to
 * accounts by email (services/people.ts, review/services/review-chains.ts), and Strapi lets
 * anyone change their own email on their profile without their password: set to a record's
 * email that no account holds (a record made before its account, or left by a person who
 * changed theirs), it would give that person's outlet, and their place in a review chain.
 *
 * So an account's own email change (the profile, or Settings → Users on oneself) may not take
 * an email a 采编人员 record names; an administrator changing another account's email (Settings →
 * Users, which only Super Admin may) is trusted, as they create accounts too. Binding records to
 * account ids instead would need a relation to admin accounts the content manager cannot edit,
 * and records without an account yet; the email stays the one thing both sides show.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../../common/names';
import { actingUser } from '../request-context';

type UpdateById = (id: number | string, attributes: Record<string, unknown>, ...rest: unknown[]) => Promise<unknown>;

const folded = (email: string) => email.trim().toLowerCase();

export function guardOwnEmail(strapi: Core.Strapi): void {
  const users = strapi.service('admin::user') as unknown as { updateById: UpdateById };
  const updateById = users.updateById.bind(users);
  users.updateById = async (id, attributes, ...rest) => {
    const user = actingUser(strapi);
    const email = attributes?.email;
    if (user && Number(id) === user.id && typeof email === 'string' && folded(email) !== folded(user.email ?? '')) {
      const member = (await strapi.db.query(UID.staffMember).findOne({ where: { email: { $eqi: email.trim() } }, select: ['name'] })) as {
        name: string;
      } | null;
      if (member) {
        const message = `邮箱（email）不能改为采编人员“${member.name}”的邮箱：采编人员记录按邮箱对应后台账号，改成它就成了此人（所属媒体和审稿链随之改变）。如确需更改，请管理员在“设置 → 用户”中修改。`;
        throw new errors.ValidationError(message, { errors: [{ path: ['email'], message, name: 'ValidationError' }] });
      }
    }
    return updateById(id, attributes, ...rest);
  };
}
