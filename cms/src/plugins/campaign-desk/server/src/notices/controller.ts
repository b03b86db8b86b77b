/** The asking user's notices (通知) and which they receive: `/campaign-desk/notices…`. */
import type { Core } from '@strapi/strapi';
import { noticeSettingsSchema, noticesSchema } from '../../../common/notices-api';
import { getService, invalidRequest } from '../utils';

interface NoticeContext {
  request: { body?: unknown };
  state: { user: { id: number } };
  body: unknown;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const notices = () => getService(strapi, 'notices');
  return {
    async find(ctx: NoticeContext) {
      ctx.body = noticesSchema.parse(await notices().list(ctx.state.user.id));
    },

    async markRead(ctx: NoticeContext) {
      await notices().markRead(ctx.state.user.id);
      ctx.body = noticesSchema.parse(await notices().list(ctx.state.user.id));
    },

    async settings(ctx: NoticeContext) {
      ctx.body = await notices().settings(ctx.state.user.id);
    },

    async saveSettings(ctx: NoticeContext) {
      const body = noticeSettingsSchema.safeParse(ctx.request.body ?? {});
      if (!body.success) throw invalidRequest(body.error, 'body');
      ctx.body = await notices().saveSettings(ctx.state.user.id, body.data);
    },
  };
};
