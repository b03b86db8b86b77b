/**
 * The statistics as tables for the 六大办: an .xlsx workbook (ExcelJS, one sheet per table,
 * and an overview first) and one CSV per table. Labels are text people typed (outlet and
 * column names): in the workbook they are string cells, which never run; in a CSV, where a
 * spreadsheet guesses, a field it would run as a formula is marked as text.
 */
import ExcelJS from 'exceljs';
import { CAMPAIGN } from '@campaign-desk/shared';
import { GROUPINGS, type ExportTable, type Statistics } from '../../../../common/statistics-api';

export interface Table {
  key: ExportTable | 'overview';
  title: string;
  headers: string[];
  rows: Array<Array<string | number>>;
}

const COVERED = '已刊播';
const MISSING = '尚未刊播';

export function tablesOf(statistics: Statistics): Table[] {
  const { range, totals, review, coverage } = statistics;
  return [
    {
      key: 'overview',
      title: '概览',
      headers: ['项目', '数值'],
      rows: [
        ['活动', CAMPAIGN.shortName],
        ['统计时段', `${range.from} 至 ${range.to}`],
        ['发稿量（已发布，不含示例）', totals.stories],
        ['央媒、省媒刊播（已核实，不含示例）', totals.placements],
        ['“全覆盖”目标媒体', totals.targets],
        ['已刊播的目标媒体（截至时段末）', totals.covered],
        ['尚未刊播的目标媒体', totals.targets - totals.covered],
      ],
    },
    ...GROUPINGS.map((grouping) => ({
      key: grouping.key,
      title: grouping.title,
      headers: [grouping.column, '稿件数'],
      rows: statistics[grouping.key].map((row) => [row.label, row.count]),
    })),
    {
      key: 'review',
      title: '三审进度',
      headers: ['项目', '数值'],
      rows: [
        ...review.stages.map((stage): [string, number] => [`当前处于“${stage.label}”的稿件`, stage.count]),
        ['时段内终审通过的次数', review.finals],
        ['送审至终审的中位时长（小时）', review.medianHoursToFinal ?? '—'],
      ],
    },
    {
      key: 'coverage',
      title: '央媒省媒覆盖',
      headers: ['级别', '媒体', '计入“全覆盖”', '时段内刊播', '累计刊播', '累计稿件', '最近刊播日期', '状态'],
      rows: coverage.outlets.map((outlet) => [
        outlet.levelLabel,
        outlet.name,
        outlet.target ? '是' : '否',
        outlet.placements,
        outlet.cumulativePlacements,
        outlet.cumulativeStories,
        outlet.lastDate ?? '—',
        outlet.cumulativePlacements > 0 ? COVERED : MISSING,
      ]),
    },
  ];
}

/** Text a spreadsheet would read as a formula (=, +, -, @, or a leading tab or return) is quoted as text. */
export function inert(value: string | number): string | number {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (title: string) => title.replace(/[:\\/?*[\]]/g, '·').slice(0, 31);

export async function workbookOf(statistics: Statistics): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Campaign Desk';
  workbook.created = new Date();
  for (const table of tablesOf(statistics)) {
    const sheet = workbook.addWorksheet(sheetName(table.title), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(table.headers).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
    sheet.columns.forEach((column, index) => {
      const widest = Math.max(...[table.headers, ...table.rows].map((row) => String(row[index] ?? '').length));
      // CJK characters take about two columns' width.
      column.width = Math.min(60, Math.max(10, widest * 2 + 2));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One table as CSV: UTF-8 with a byte-order mark (so Excel reads the Chinese), CRLF, fields quoted as needed. */
export function csvOf(table: Table): string {
  const field = (value: string | number) => {
    const text = String(inert(value));
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\uFEFF${[table.headers, ...table.rows].map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}
