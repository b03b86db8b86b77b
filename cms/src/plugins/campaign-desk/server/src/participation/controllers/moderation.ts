import type { Core } from '@strapi/strapi';
import { moderationSchema, submissionItemSchema, submissionListSchema, submissionQuerySchema } from '../../../../common/participation-api';
import type { AdminUser } from '../../request-context';
import { errors } from '@strapi/utils';
import { getService, invalidRequest } from '../../utils';
import moderation from '../services/moderation';

interface ModerationContext {
  query: unknown;
  params: { documentId: string };
  request: { body?: unknown };
  state: { user: AdminUser };
  body: unknown;
  type: string;
  set(field: string, value: string): void;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /campaign-desk/submissions?status=…&kind=…&page=… — the 群众来稿 queue. */
  async find(ctx: ModerationContext) {
    const query = submissionQuerySchema.safeParse(ctx.query);
    if (!query.success) throw invalidRequest(query.error, 'query');
    ctx.body = submissionListSchema.parse(await getService(strapi, moderation).list(query.data));
  },

  /** POST /campaign-desk/submissions/:documentId/moderate — { action: adopt | reject | convert, … } */
  async moderate(ctx: ModerationContext) {
    const body = moderationSchema.safeParse(ctx.request.body ?? {});
    if (!body.success) throw invalidRequest(body.error, 'body');
    ctx.body = submissionItemSchema.parse(await getService(strapi, moderation).moderate(ctx.params.documentId, body.data, ctx.state.user));
  },

  /** GET /campaign-desk/submissions/:documentId/photo — a waiting good deed's photo, for moderators' eyes only: it is public once adopted. */
  async photo(ctx: ModerationContext) {
    const photo = await getService(strapi, moderation).heldPhoto(ctx.params.documentId);
    if (!photo) throw new errors.NotFoundError('这条来稿没有待审核的照片');
    ctx.set('Cache-Control', 'private, no-store');
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.type = 'image/jpeg';
    ctx.body = photo;
  },
});
