import { z } from 'zod';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { pluginConfig, publicUrl } from '../../config/read';
import { ContractViolation } from '../../errors';
import snapshot, { InvalidCursor, decodeCursor } from '../services/snapshot';
import { getService, invalidRequest } from '../../utils';

/** The slice of Koa's context this controller uses (never the request's Host: URLs are made from the configured public URL). */
interface SnapshotContext {
  query: unknown;
  status: number;
  body: unknown;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const { snapshot: settings } = pluginConfig(strapi);
  const querySchema = z
    .object({
      cursor: z.string().min(1).optional(),
      since: z.string().min(1).optional(),
      limit: z.coerce.number().int().min(1).max(settings.maxPageSize).default(settings.defaultPageSize),
    })
    .strict()
    .refine((query) => !(query.cursor && query.since), 'pass either cursor (next page) or since (changes), not both');

  return {
    /** GET /api/campaign-desk/snapshot?cursor=…|since=…&limit=… */
    async find(ctx: SnapshotContext) {
      const query = querySchema.safeParse(ctx.query);
      if (!query.success) {
        throw invalidRequest(query.error, 'query');
      }
      const service = getService(strapi, snapshot);
      const parameter = query.data.cursor ? 'cursor' : 'since';
      const token = query.data.cursor ?? query.data.since;
      try {
        const position = token ? decodeCursor(token) : await service.start();
        ctx.body = await service.page(position, query.data.limit, publicUrl(strapi));
      } catch (error) {
        if (error instanceof InvalidCursor) throw new errors.ValidationError(`${parameter}: ${error.message}`);
        if (error instanceof ContractViolation) {
          strapi.log.error(`[campaign-desk] snapshot refused: ${error.message}`);
          ctx.status = 500;
          ctx.body = { data: null, error: { status: 500, name: error.name, message: error.message } };
          return;
        }
        throw error;
      }
    },
  };
};
