/** A story's 定时发布 in the admin: `GET`, `PUT` { publishAt } and `DELETE /campaign-desk/stories/:documentId/schedule`. */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { scheduleRequestSchema, scheduleStatusSchema } from '../../../../common/schedule-api';
import type { AdminUser } from '../../request-context';
import type { Viewer } from '../../review/services/review';
import { getService } from '../../utils';
import scheduling from '../services/scheduling';

interface ScheduleContext {
  params: { documentId: string };
  request: { body?: unknown };
  state: { user: AdminUser; userAbility: unknown };
  body: unknown;
}

const viewerOf = (ctx: ScheduleContext): Viewer => ({ user: ctx.state.user, ability: ctx.state.userAbility });

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, scheduling);
  return {
    async find(ctx: ScheduleContext) {
      ctx.body = scheduleStatusSchema.parse(await service().status(ctx.params.documentId, viewerOf(ctx)));
    },

    async schedule(ctx: ScheduleContext) {
      const body = scheduleRequestSchema.safeParse(ctx.request.body ?? {});
      if (!body.success) {
        const message = '请写明定时发布时间（publishAt），如“2026-12-08 07:00”（北京时间），不要带其他字段';
        throw new errors.ValidationError(message, { errors: [{ path: ['publishAt'], message, name: 'ValidationError' }] });
      }
      ctx.body = scheduleStatusSchema.parse(await service().schedule(ctx.params.documentId, body.data.publishAt, viewerOf(ctx)));
    },

    async unschedule(ctx: ScheduleContext) {
      ctx.body = scheduleStatusSchema.parse(await service().unschedule(ctx.params.documentId, viewerOf(ctx)));
    },
  };
};
