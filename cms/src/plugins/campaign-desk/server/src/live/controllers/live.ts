/** The 图文直播 page's admin API: `/campaign-desk/lives…` and `/campaign-desk/live-entries/:documentId/approve`. */
import type { Core } from '@strapi/strapi';
import {
  answerInputSchema,
  entryInputSchema,
  liveDeskSchema,
  liveStateInputSchema,
  liveSummarySchema,
  roundupSchema,
} from '../../../../common/live-api';
import type { AdminUser } from '../../request-context';
import { getService, invalidRequest } from '../../utils';
import liveDesk from '../services/live-desk';
import liveQuestions from '../services/live-questions';

interface LiveContext {
  params: { documentId: string };
  request: { body?: unknown };
  state: { user: AdminUser };
  body: unknown;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, liveDesk);
  return {
    async find(ctx: LiveContext) {
      ctx.body = liveSummarySchema.array().parse(await service().list());
    },

    async desk(ctx: LiveContext) {
      ctx.body = liveDeskSchema.parse(await service().desk(ctx.params.documentId, ctx.state.user));
    },

    async write(ctx: LiveContext) {
      const body = entryInputSchema.safeParse(ctx.request.body ?? {});
      if (!body.success) throw invalidRequest(body.error, 'body');
      await service().write(ctx.params.documentId, body.data, ctx.state.user);
      ctx.body = liveDeskSchema.parse(await service().desk(ctx.params.documentId, ctx.state.user));
    },

    async approve(ctx: LiveContext) {
      await service().approve(ctx.params.documentId);
      ctx.body = { ok: true };
    },

    /** 网友提问: not taken. */
    async decline(ctx: LiveContext) {
      await getService(strapi, liveQuestions).decline(ctx.params.documentId, ctx.state.user);
      ctx.body = { ok: true };
    },

    /** 网友提问: answered as a new entry, waiting for approval like any other. */
    async answer(ctx: LiveContext) {
      const body = answerInputSchema.safeParse(ctx.request.body ?? {});
      if (!body.success) throw invalidRequest(body.error, 'body');
      ctx.body = { entryId: await getService(strapi, liveQuestions).answer(ctx.params.documentId, body.data.text, ctx.state.user) };
    },

    async setState(ctx: LiveContext) {
      const body = liveStateInputSchema.safeParse(ctx.request.body ?? {});
      if (!body.success) throw invalidRequest(body.error, 'body');
      await service().setState(ctx.params.documentId, body.data.state);
      ctx.body = liveDeskSchema.parse(await service().desk(ctx.params.documentId, ctx.state.user));
    },

    async roundup(ctx: LiveContext) {
      ctx.body = roundupSchema.parse(await service().roundup(ctx.params.documentId, ctx.state.user));
    },
  };
};
