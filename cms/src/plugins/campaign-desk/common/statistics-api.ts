/**
 * The admin API of the statistics (统计) and the weekly report (周报): the date range it
 * takes and the figures it answers. The server parses both with these schemas; the 统计
 * and 周报 pages read the types, the table names and the table titles from here, and the
 * exports (xlsx, CSV) are made from the same tables.
 */
import { z } from 'zod';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** `GET /campaign-desk/statistics?from=…&to=…`: inclusive calendar days in Asia/Shanghai. */
export const statisticsQuerySchema = z
  .object({ from: day, to: day })
  .strict()
  .refine((range) => range.from <= range.to, { message: '开始日期不能晚于结束日期', path: ['from'] })
  .refine((range) => Date.parse(range.to) - Date.parse(range.from) <= 10 * 366 * 86_400_000, {
    message: '时间范围不能超过十年',
    path: ['to'],
  });

export type StatisticsQuery = z.infer<typeof statisticsQuerySchema>;

/** One row of a grouping: its key (a documentId, a vocabulary key, a day; null for “none”), its label and count. */
const countSchema = z.object({ key: z.string().nullable(), label: z.string(), count: z.number().int() });
export type Count = z.infer<typeof countSchema>;

const coverageOutletSchema = z.object({
  documentId: z.string(),
  name: z.string(),
  level: z.string(),
  levelLabel: z.string(),
  /** On the target list of 全覆盖. */
  target: z.boolean(),
  /** Verified placements dated in the range, and up to its end since the campaign began. */
  placements: z.number().int(),
  cumulativePlacements: z.number().int(),
  /** Distinct stories carried up to the range's end. */
  cumulativeStories: z.number().int(),
  lastDate: z.string().nullable(),
});
export type CoverageOutlet = z.infer<typeof coverageOutletSchema>;

export const statisticsSchema = z.object({
  range: z.object({ from: day, to: day }),
  totals: z.object({
    stories: z.number().int(),
    placements: z.number().int(),
    targets: z.number().int(),
    covered: z.number().int(),
  }),
  perDay: z.array(countSchema),
  perWeek: z.array(countSchema),
  byOutlet: z.array(countSchema),
  byColumn: z.array(countSchema),
  byTheme: z.array(countSchema),
  byPhase: z.array(countSchema),
  byActivity: z.array(countSchema),
  byPlace: z.array(countSchema),
  byKind: z.array(countSchema),
  review: z.object({
    /** Stories now at each 三审 stage (their working versions). */
    stages: z.array(countSchema),
    /** 终审 moves in the range, and the median hours from the 送审 before each to it. */
    finals: z.number().int(),
    medianHoursToFinal: z.number().nullable(),
  }),
  coverage: z.object({
    /** Per level (中央, 省级): outlets on the target list and how many carried a story. */
    levels: z.array(z.object({ level: z.string(), label: z.string(), targets: z.number().int(), covered: z.number().int() })),
    /** Central and provincial outlets, and any other target. */
    outlets: z.array(coverageOutletSchema),
  }),
});

export type Statistics = z.infer<typeof statisticsSchema>;

/** The groupings, in the order pages and workbooks show them, with their titles. */
export const GROUPINGS = [
  { key: 'perDay', title: '每日发稿量', column: '日期' },
  { key: 'perWeek', title: '每周发稿量', column: '周（自周一）' },
  { key: 'byOutlet', title: '按首发媒体', column: '媒体' },
  { key: 'byColumn', title: '按专栏', column: '专栏' },
  { key: 'byTheme', title: '按主题', column: '主题' },
  { key: 'byPhase', title: '按阶段', column: '阶段' },
  { key: 'byActivity', title: '按“六大”活动', column: '活动' },
  { key: 'byPlace', title: '按地区', column: '地区' },
  { key: 'byKind', title: '按稿件类型', column: '类型' },
] as const satisfies ReadonlyArray<{ key: keyof Statistics; title: string; column: string }>;

export type GroupingKey = (typeof GROUPINGS)[number]['key'];

/** Every table an export holds: the groupings, the review pipeline and the coverage. */
export type ExportTable = GroupingKey | 'review' | 'coverage';
const [firstGrouping, ...otherGroupings] = GROUPINGS.map((grouping): ExportTable => grouping.key);
export const EXPORT_TABLES: [ExportTable, ...ExportTable[]] = [firstGrouping!, ...otherGroupings, 'review', 'coverage'];

/** `table=` of `GET /campaign-desk/statistics/export.csv?from=…&to=…&table=…` */
export const exportTableSchema = z.enum(EXPORT_TABLES);
