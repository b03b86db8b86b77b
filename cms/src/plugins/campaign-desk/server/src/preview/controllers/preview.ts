/** GET /api/campaign-desk/preview?token=… — the draft a preview token was made for (the publisher asks, to render it). */
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { errors } from '@strapi/utils';
import { getService } from '../../utils';
import preview from '../services/preview';

const querySchema = z.object({ token: z.string().min(1).max(200) }).strict();

interface PreviewContext {
  query: unknown;
  body: unknown;
  set(name: string, value: string): void;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async draft(ctx: PreviewContext) {
    const query = querySchema.safeParse(ctx.query);
    if (!query.success) throw new errors.ValidationError('预览须带上后台给出的 token');
    // A draft: never kept by a cache on the way.
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { record: await getService(strapi, preview).draft(query.data.token) };
  },
});
