import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { exportTableSchema, statisticsQuerySchema, statisticsSchema, type StatisticsQuery } from '../../../../common/statistics-api';
import { csvOf, tablesOf, workbookOf } from '../services/statistics-export';
import { getService, invalidRequest } from '../../utils';
import { zhErrorMap } from '../../zh-errors';
import statistics from '../services/statistics';

interface StatisticsContext {
  query: Record<string, unknown>;
  body: unknown;
  set(field: string, value: string): void;
}

/** `attachment; filename*=` with the Chinese name, and an ASCII one for old clients. */
function attachment(name: string, extension: string): string {
  return `attachment; filename="campaign-statistics.${extension}"; filename*=UTF-8''${encodeURIComponent(`${name}.${extension}`)}`;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const figures = async (ctx: StatisticsContext, query: unknown): Promise<ReturnType<typeof statisticsSchema.parse>> => {
    const range = statisticsQuerySchema.safeParse(query, { errorMap: zhErrorMap });
    if (!range.success) throw invalidRequest(range.error, 'query');
    return statisticsSchema.parse(await getService(strapi, statistics).compute(range.data as StatisticsQuery));
  };
  const fileName = (range: StatisticsQuery) => `“六大”活动宣传统计_${range.from}_${range.to}`;

  return {
    /** GET /campaign-desk/statistics?from=&to= */
    async find(ctx: StatisticsContext) {
      ctx.body = await figures(ctx, ctx.query);
    },

    /** GET /campaign-desk/statistics/export.xlsx?from=&to= — one sheet per table. */
    async xlsx(ctx: StatisticsContext) {
      const statistics = await figures(ctx, ctx.query);
      ctx.set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      ctx.set('Content-Disposition', attachment(fileName(statistics.range), 'xlsx'));
      ctx.body = await workbookOf(statistics);
    },

    /** GET /campaign-desk/statistics/export.csv?from=&to=&table= — one table. */
    async csv(ctx: StatisticsContext) {
      const { table, ...range } = ctx.query;
      const key = exportTableSchema.safeParse(table, { errorMap: zhErrorMap, path: ['table'] });
      if (!key.success) throw invalidRequest(key.error, 'query');
      const statistics = await figures(ctx, range);
      const found = tablesOf(statistics).find((candidate) => candidate.key === key.data);
      if (!found) throw new errors.NotFoundError(`没有这张表：${key.data}`);
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.set('Content-Disposition', attachment(`${fileName(statistics.range)}_${found.title}`, 'csv'));
      ctx.body = csvOf(found);
    },
  };
};
