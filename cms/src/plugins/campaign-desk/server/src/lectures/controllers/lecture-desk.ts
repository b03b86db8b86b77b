/** The 宣讲点单 page's admin API: the bookings, and accepting or declining one (the 宣传组's). */
import type { Core } from '@strapi/strapi';
import { acceptSchema, bookingSchema, declineSchema } from '../../../../common/lectures-api';
import type { AdminUser } from '../../request-context';
import { getService, invalidRequest } from '../../utils';
import { zhErrorMap } from '../../zh-errors';
import bookings from '../services/bookings';

interface DeskContext {
  params: { documentId: string };
  request: { body?: unknown };
  state: { user: AdminUser };
  body: unknown;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, bookings);
  return {
    /** GET /campaign-desk/lecture-bookings */
    async find(ctx: DeskContext) {
      ctx.body = bookingSchema.array().parse(await service().list());
    },

    /** POST /campaign-desk/lecture-bookings/:documentId/accept { group, speakers, startsAt, venue } */
    async accept(ctx: DeskContext) {
      const input = acceptSchema.safeParse(ctx.request.body ?? {}, { errorMap: zhErrorMap });
      if (!input.success) throw invalidRequest(input.error, 'body');
      ctx.body = { event: await service().accept(ctx.params.documentId, input.data, ctx.state.user) };
    },

    /** POST /campaign-desk/lecture-bookings/:documentId/decline { reason } */
    async decline(ctx: DeskContext) {
      const input = declineSchema.safeParse(ctx.request.body ?? {}, { errorMap: zhErrorMap });
      if (!input.success) throw invalidRequest(input.error, 'body');
      await service().decline(ctx.params.documentId, input.data, ctx.state.user);
      ctx.body = { ok: true };
    },
  };
};
