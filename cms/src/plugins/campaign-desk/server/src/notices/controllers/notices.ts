/** The asking user's notices (通知) and which they receive: `/campaign-desk/notices…`. */
import type { Core } from '@strapi/strapi';
import { noticeSettingsSchema, noticesSchema } from '../../../../common/notices-api';
import { getService, invalidRequest } from '../../utils';
import notices from '../services/notices';

interface NoticeContext {
  request: { body?: unknown };
  state: { user: { id: number } };
  body: unknown;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, notices);
  return {
    async find(ctx: NoticeContext) {
      ctx.body = noticesSchema.parse(await service().list(ctx.state.user.id));
    },

    async markRead(ctx: NoticeContext) {
      await service().markRead(ctx.state.user.id);
      ctx.body = noticesSchema.parse(await service().list(ctx.state.user.id));
    },

    async settings(ctx: NoticeContext) {
      ctx.body = await service().settings(ctx.state.user.id);
    },

    async saveSettings(ctx: NoticeContext) {
      const body = noticeSettingsSchema.safeParse(ctx.request.body ?? {});
      if (!body.success) throw invalidRequest(body.error, 'body');
      ctx.body = await service().saveSettings(ctx.state.user.id, body.data);
    },
  };
};
