/**
 * Who a person is in the newsroom: the name records keep of them, the actions their roles
 * grant, and the outlet they work for (their 采编人员 record, matched by the account's email).
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../../../../common/names';
import type { AdminUser } from '../../request-context';
import { defineService } from '../../utils';

/** Who acted when no person did (imports, code). */
export const SYSTEM = '系统';

/** A person as records name them (family name first, as Chinese names are written). */
export function nameOf(user: AdminUser | null): string {
  if (!user) return SYSTEM;
  const name = [user.lastname, user.firstname].filter(Boolean).join('') || user.username || user.email;
  return name ?? `#${user.id}`;
}

export interface StaffMember {
  documentId: string;
  name: string;
  outletId: string | null;
  outletName: string | null;
  /** 跨媒体: reviews, and may place stories in, every outlet (review chains). */
  allOutlets: boolean;
}

export default defineService('people', ({ strapi }: { strapi: Core.Strapi }) => ({
  async grantedActions(user: AdminUser): Promise<Set<string>> {
    const permissions = (await strapi.service('admin::permission').findUserPermissions(user)) as Array<{ action: string }>;
    return new Set(permissions.map((permission) => permission.action));
  },

  async may(user: AdminUser, action: string): Promise<boolean> {
    return (await this.grantedActions(user)).has(action);
  },

  /** The person's 采编人员 record, if the newsroom has one for their account. */
  async staffOf(user: Pick<AdminUser, 'email'> | { email?: string | null }): Promise<StaffMember | null> {
    if (!user.email) return null;
    const member = (await strapi.db.query(UID.staffMember).findOne({
      where: { email: { $eqi: user.email.trim() } },
      select: ['documentId', 'name', 'allOutlets'],
      populate: { outlet: { select: ['documentId', 'name'] } },
    })) as { documentId: string; name: string; allOutlets: boolean | null; outlet: { documentId: string; name: string } | null } | null;
    return member
      ? {
          documentId: member.documentId,
          name: member.name,
          outletId: member.outlet?.documentId ?? null,
          outletName: member.outlet?.name ?? null,
          allOutlets: Boolean(member.allOutlets),
        }
      : null;
  },
}));
