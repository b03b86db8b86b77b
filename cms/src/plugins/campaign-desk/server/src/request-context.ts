/**
 * Who is behind an action: the admin user of the request being served, as Strapi's request
 * context holds it. None when code acts on its own (imports, seeding, the delivery worker).
 */
import type { Core } from '@strapi/strapi';

/** The admin user acting: who moves a story, edits it, verifies a placement. */
export interface AdminUser {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  username?: string | null;
  email?: string;
  /** Present on the user of an admin request. */
  roles?: Array<{ code: string }>;
}

/** The admin user whose request this is; none when code acts on its own. */
export function actingUser(strapi: Core.Strapi): AdminUser | null {
  const user = strapi.requestContext.get()?.state?.user as AdminUser | undefined;
  return user?.id ? user : null;
}

/** What the acting user's roles let them do (the request's CASL ability), if a user acts. */
export function actingAbility(strapi: Core.Strapi): unknown {
  return strapi.requestContext.get()?.state?.userAbility as unknown;
}
