import type { Core } from '@strapi/strapi';
import { deskSchema } from '../../../../common/desk-api';
import type { AdminUser } from '../../request-context';
import { getService } from '../../utils';
import desk from '../services/desk';

interface DeskContext {
  state: { user: AdminUser };
  body: unknown;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /campaign-desk/desk — my topics, and the open ones due this week or overdue. */
  async find(ctx: DeskContext) {
    ctx.body = deskSchema.parse(await getService(strapi, desk).of(ctx.state.user));
  },
});
