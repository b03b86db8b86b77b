import type { Core } from '@strapi/strapi';
import { getService } from '../../utils';
import likes from '../services/likes';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /campaign-desk/likes/most-liked — the ten most liked of each kind (统计, 周报). */
  async find(ctx: { body: unknown }) {
    ctx.body = { kinds: await getService(strapi, likes).mostLiked() };
  },
});
