/** A story's 公众号 hand-off in the admin: `GET` and `POST` { form } `/campaign-desk/stories/:documentId/handoff`. */
import type { Core } from '@strapi/strapi';
import { handoffRecordSchema, handoffSchema } from '../../../../common/handoff-api';
import type { AdminUser } from '../../request-context';
import type { Viewer } from '../../review/services/story-drafts';
import { getService, invalidRequest } from '../../utils';
import handoff from '../services/handoff';

interface HandoffContext {
  params: { documentId: string };
  request: { body?: unknown };
  state: { user: AdminUser; userAbility: unknown };
  body: unknown;
  status: number;
}

const viewerOf = (ctx: HandoffContext): Viewer => ({ user: ctx.state.user, ability: ctx.state.userAbility });

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: HandoffContext) {
    ctx.body = handoffSchema.parse(await getService(strapi, handoff).of(ctx.params.documentId, viewerOf(ctx)));
  },

  async record(ctx: HandoffContext) {
    const body = handoffRecordSchema.safeParse(ctx.request.body ?? {});
    if (!body.success) throw invalidRequest(body.error, 'body');
    await getService(strapi, handoff).record(ctx.params.documentId, body.data.form, viewerOf(ctx));
    ctx.status = 204;
  },
});
